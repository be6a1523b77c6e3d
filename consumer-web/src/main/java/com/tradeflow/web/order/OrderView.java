package com.tradeflow.web.order;

import java.time.Instant;

/** An order as the web API shows it. The id is a string: snowflake ids exceed what JSON numbers hold safely. */
record OrderView(String orderId, long userId, long skuId, int quantity, long amount, OrderStatus status,
                 TransactionMode mode, Instant createdAt) {

    static OrderView of(Order order) {
        return new OrderView(String.valueOf(order.orderId()), order.userId(), order.skuId(), order.quantity(),
                order.amount(), order.status(), order.mode(), order.createdAt());
    }
}
