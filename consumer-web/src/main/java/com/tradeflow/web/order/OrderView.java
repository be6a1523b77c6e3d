package com.tradeflow.web.order;

import java.time.Instant;

/**
 * An order as the web API shows it, with the last global transaction that touched it (placing or cancelling;
 * null when none was recorded). The id is a string: snowflake ids exceed what JSON numbers hold safely.
 */
record OrderView(String orderId, long userId, long skuId, int quantity, long amount, OrderStatus status,
                 TransactionMode mode, Instant createdAt, LastTransaction lastTransaction) {

    static OrderView of(Order order, OrderTransaction last) {
        return new OrderView(String.valueOf(order.orderId()), order.userId(), order.skuId(), order.quantity(),
                order.amount(), order.status(), order.mode(), order.createdAt(),
                last == null ? null : new LastTransaction(last.xid(), last.action(), last.status(),
                        last.finishedAt()));
    }

    /** @param status Seata's global status as the launcher saw it end: Committed, Rollbacked ... */
    record LastTransaction(String xid, String action, String status, Instant finishedAt) {
    }
}
