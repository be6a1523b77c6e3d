package com.tradeflow.api.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An integration event of a wallet top-up, as published on {@link EventTopics#WALLET_EVENTS} (JSON). Money in
 * cents. A top-up succeeds once (its state never goes back), so there is one {@link #SUCCEEDED} per merchant order
 * number; the crediting consumer still deduplicates on it, since a message can be delivered twice.
 *
 * @param eventId         unique per event
 * @param merchantOrderNo our number for the payment at the gateway
 * @param paymentId       the gateway's id of the payment
 * @param occurredAt      when the top-up was settled (the transaction that wrote the event)
 */
public record TopUpEvent(String eventId, String type, long topUpId, String merchantOrderNo, long userId,
        long amount, String paymentId, Instant occurredAt) implements IntegrationEvent, Serializable {

    public static final String SUCCEEDED = "TopUpSucceeded";

    public TopUpEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(merchantOrderNo, "merchantOrderNo");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!SUCCEEDED.equals(type)) {
            throw new IllegalArgumentException("unknown top-up event type " + type);
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("top-up event " + eventId + ": amount must be positive");
        }
    }

    @Override
    public long aggregateId() {
        return topUpId;
    }
}
