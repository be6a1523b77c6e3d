package com.tradeflow.web.order;

import java.time.Instant;

/** A purchase of one sku: who, what, how much (cents), and its status. */
public record Order(long orderId, long userId, long skuId, int quantity, long amount, OrderStatus status,
                    TransactionMode mode, Instant createdAt) {

    static Order placed(long orderId, long userId, long skuId, int quantity, long amount, TransactionMode mode) {
        return new Order(orderId, userId, skuId, quantity, amount, OrderStatus.PLACED, mode, Instant.now());
    }
}
