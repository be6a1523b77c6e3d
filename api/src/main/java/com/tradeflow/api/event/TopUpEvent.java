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
 * @param signature       the producer's signature of {@link #signedContent()} (HMAC-SHA256, hex): the consumer
 *                        credits nothing without a valid one, so a message written straight to the broker mints no
 *                        money
 */
public record TopUpEvent(
        String eventId,
        String type,
        long topUpId,
        String merchantOrderNo,
        long userId,
        long amount,
        String paymentId,
        Instant occurredAt,
        String signature)
        implements IntegrationEvent, Serializable {

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

    /** An unsigned event of a settled top-up. */
    public static TopUpEvent succeeded(
            String eventId,
            long topUpId,
            String merchantOrderNo,
            long userId,
            long amount,
            String paymentId,
            Instant occurredAt) {
        return new TopUpEvent(
                eventId, SUCCEEDED, topUpId, merchantOrderNo, userId, amount, paymentId, occurredAt, null);
    }

    /** What the signature covers: every field the credit uses or records, one per line, in a fixed order. */
    public String signedContent() {
        return String.join(
                "\n",
                eventId,
                type,
                Long.toString(topUpId),
                merchantOrderNo,
                Long.toString(userId),
                Long.toString(amount),
                String.valueOf(paymentId),
                occurredAt.toString());
    }

    /** The same event, signed. */
    public TopUpEvent signedWith(String signature) {
        return new TopUpEvent(
                eventId, type, topUpId, merchantOrderNo, userId, amount, paymentId, occurredAt, signature);
    }

    @Override
    public long aggregateId() {
        return topUpId;
    }
}
