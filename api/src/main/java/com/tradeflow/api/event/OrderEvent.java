package com.tradeflow.api.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An integration event of an order, as published on {@link EventTopics#ORDER_EVENTS} (JSON). Money in cents.
 *
 * @param eventId    unique per event: consumers deduplicate on it
 * @param type       {@link #PLACED} or {@link #CANCELLED}
 * @param occurredAt when the order change was made (the transaction that wrote the event)
 */
public record OrderEvent(
        String eventId,
        String type,
        long orderId,
        long userId,
        long skuId,
        int quantity,
        long amount,
        Instant occurredAt)
        implements IntegrationEvent, Serializable {

    public static final String PLACED = "OrderPlaced";
    public static final String CANCELLED = "OrderCancelled";

    public OrderEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!PLACED.equals(type) && !CANCELLED.equals(type)) {
            throw new IllegalArgumentException("unknown order event type " + type);
        }
        if (quantity <= 0 || amount < 0) {
            throw new IllegalArgumentException("order event " + eventId + ": quantity and amount must be positive");
        }
    }

    @Override
    public long aggregateId() {
        return orderId;
    }

    public boolean placed() {
        return PLACED.equals(type);
    }
}
