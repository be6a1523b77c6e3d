package com.tradeflow.web.outbox;

import java.time.Instant;

/** One row of the outbox, as the relay and the admin endpoints see it. */
public record OutboxEvent(String eventId, long seq, long orderId, long userId, String eventType, String payload,
        OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, String xid, String branchType,
        Instant createdAt, Instant sentAt) {
}
