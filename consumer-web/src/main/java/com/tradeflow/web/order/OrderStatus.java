package com.tradeflow.web.order;

/** Where an order is in its life. */
public enum OrderStatus {
    PLACED
}
