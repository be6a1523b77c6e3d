package com.tradeflow.web.order;

import com.tradeflow.api.event.OrderEvent;

import java.time.Instant;
import java.util.UUID;

import static java.time.temporal.ChronoUnit.MILLIS;

/** A purchase of one sku: who, what, how much (cents), its status and the mode of its global transactions. */
public record Order(long orderId, long userId, long skuId, int quantity, long amount, OrderStatus status,
                    TransactionMode mode, Instant createdAt) {

    /** A new order, in its mode's first status ({@link OrderStatus#initial}). */
    static Order create(long orderId, long userId, long skuId, int quantity, long amount, TransactionMode mode) {
        OrderStatus status = OrderStatus.initial(mode);
        // stored with millisecond precision: the answer shows what a later read shows
        return new Order(orderId, userId, skuId, quantity, amount, status, mode, Instant.now().truncatedTo(MILLIS));
    }

    Order withStatus(OrderStatus newStatus) {
        return new Order(orderId, userId, skuId, quantity, amount, newStatus, mode, createdAt);
    }

    /** A new integration event of this order ({@link OrderEvent#PLACED} or {@link OrderEvent#CANCELLED}). */
    OrderEvent newEvent(String type) {
        return event(type, UUID.randomUUID().toString());
    }

    /** The integration event of this order with an id chosen earlier (a TCC try announced it). */
    OrderEvent event(String type, String eventId) {
        return new OrderEvent(eventId, type, orderId, userId, skuId, quantity, amount, Instant.now());
    }
}
