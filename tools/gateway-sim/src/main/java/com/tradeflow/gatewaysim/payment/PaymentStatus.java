package com.tradeflow.gatewaysim.payment;

/** PENDING until the payment settles; SUCCEEDED and FAILED are final and never change again. */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
