package com.tradeflow.web.topup;

/** PENDING until the gateway's result is known; SUCCEEDED and FAILED are final (never left again). */
public enum TopUpStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
