package com.tradeflow.web.order;

/** The Seata mode a purchase runs in. */
public enum TransactionMode {
    AT
}
