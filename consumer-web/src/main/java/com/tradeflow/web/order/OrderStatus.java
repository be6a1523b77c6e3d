package com.tradeflow.web.order;

/** Where an order is in its life. */
public enum OrderStatus {
    /** TCC: tried, waiting for the global commit. */
    PENDING,
    PLACED,
    /** TCC: cancellation tried, waiting for the global commit. */
    CANCELLING,
    CANCELLED
}
