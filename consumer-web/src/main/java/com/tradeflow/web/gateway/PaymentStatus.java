package com.tradeflow.web.gateway;

/** A payment's status at the gateway; SUCCEEDED and FAILED are final. */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
