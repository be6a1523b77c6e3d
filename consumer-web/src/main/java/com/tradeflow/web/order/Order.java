package com.tradeflow.web.order;

import static java.time.temporal.ChronoUnit.MILLIS;

import com.tradeflow.api.event.OrderEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase of one sku: who, what, how much (cents), its status and the mode of its global transactions.
 *
 * @param placedXid the global transaction that placed it; null for one placed without (LOCAL) or before the column
 *                  existed. Once that transaction committed, this is its only record
 *                  ({@link OrderTransaction#committedPlacementOf})
 */
public record Order(
        long orderId,
        long userId,
        long skuId,
        int quantity,
        long amount,
        OrderStatus status,
        TransactionMode mode,
        Instant createdAt,
        String placedXid) {

    /** A new order, in its mode's first status ({@link OrderStatus#initial}), placed by {@code placedXid}. */
    static Order create(
            long orderId, long userId, long skuId, int quantity, long amount, TransactionMode mode, String placedXid) {
        OrderStatus status = OrderStatus.initial(mode);
        // stored with millisecond precision: the answer shows what a later read shows
        return new Order(
                orderId,
                userId,
                skuId,
                quantity,
                amount,
                status,
                mode,
                Instant.now().truncatedTo(MILLIS),
                placedXid);
    }

    Order withStatus(OrderStatus newStatus) {
        return new Order(orderId, userId, skuId, quantity, amount, newStatus, mode, createdAt, placedXid);
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
