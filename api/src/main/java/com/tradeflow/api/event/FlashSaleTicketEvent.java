package com.tradeflow.api.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A flash-sale ticket was granted and waits for its order, as published on {@link EventTopics#FLASH_SALE_TICKETS}
 * (JSON). Money in cents. consumer-web turns each into an order at a bounded rate; it deduplicates on the ticket.
 *
 * @param price      the sale's unit price, what the order charges (one unit per ticket)
 * @param occurredAt when the ticket was granted
 */
public record FlashSaleTicketEvent(
        String eventId,
        String type,
        long ticketId,
        long saleId,
        long userId,
        long skuId,
        long price,
        Instant occurredAt)
        implements IntegrationEvent, Serializable {

    public static final String QUEUED = "FlashSaleTicketQueued";

    public FlashSaleTicketEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!QUEUED.equals(type)) {
            throw new IllegalArgumentException("unknown flash-sale event type " + type);
        }
        if (price <= 0) {
            throw new IllegalArgumentException("flash-sale event " + eventId + ": price must be positive");
        }
    }

    @Override
    public long aggregateId() {
        return ticketId;
    }
}
