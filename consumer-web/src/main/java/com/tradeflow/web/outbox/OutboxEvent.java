package com.tradeflow.web.outbox;

import java.time.Instant;

/** One row of the outbox, as the relay and the admin endpoints see it; the aggregate is an order or a top-up. */
public record OutboxEvent(
        String eventId,
        long seq,
        String topic,
        long aggregateId,
        long userId,
        String eventType,
        String payload,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String xid,
        String branchType,
        Instant createdAt,
        Instant sentAt) {}
