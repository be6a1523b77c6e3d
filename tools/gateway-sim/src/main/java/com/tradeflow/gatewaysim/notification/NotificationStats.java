package com.tradeflow.gatewaysim.notification;

import java.util.concurrent.atomic.AtomicLong;

/** Counters behind {@code GET /admin/stats}; every field is a count since the gateway started. */
public final class NotificationStats {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();

    /**
     * @param sent         every POST made to a notify URL: first attempts, re-sends, duplicates, stale ones
     * @param acknowledged result notifications the merchant acknowledged
     * @param refused      attempts not acknowledged (other status or body, connection error, timeout)
     * @param gaveUp       result notifications abandoned after max attempts
     * @param lost         payments whose notifications were swallowed by the lostNotificationRate fault
     * @param duplicated   extra copies sent by the duplicateNotificationRate fault
     * @param outOfOrder   stale PENDING notifications sent by the outOfOrderRate fault
     */
    public record Snapshot(
            long sent, long acknowledged, long refused, long gaveUp, long lost, long duplicated, long outOfOrder) {}

    Snapshot snapshot() {
        return new Snapshot(
                sent.get(),
                acknowledged.get(),
                refused.get(),
                gaveUp.get(),
                lost.get(),
                duplicated.get(),
                outOfOrder.get());
    }
}
