package com.tradeflow.gatewaysim.notification;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery of one payment's result notification: the raw body (signed afresh per attempt), the stale
 * notification to follow it when the out-of-order fault was drawn, and how far it got.
 */
final class Delivery {

    final PaymentNotification notification;
    final byte[] body;
    final String notifyUrl;
    /** null unless the out-of-order fault was drawn for this payment */
    final StaleNotification stale;

    private volatile DeliveryState state;
    private final AtomicInteger attempts = new AtomicInteger();

    Delivery(
            PaymentNotification notification,
            byte[] body,
            String notifyUrl,
            StaleNotification stale,
            DeliveryState state) {
        this.notification = notification;
        this.body = body;
        this.notifyUrl = notifyUrl;
        this.stale = stale;
        this.state = state;
    }

    /** Attempts happen one after another (each is scheduled by the end of the previous one), never at once. */
    int nextAttempt() {
        return attempts.incrementAndGet();
    }

    void finish(DeliveryState finalState) {
        state = finalState;
    }

    DeliveryState state() {
        return state;
    }

    int attempts() {
        return attempts.get();
    }
}
