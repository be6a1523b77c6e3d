package com.tradeflow.web.topup;

import java.time.Instant;

/**
 * A top-up as the web API shows it (ids as strings: JavaScript numbers lose digits beyond 2^53). {@code review}
 * is the reason it was flagged for manual review, null when it was not.
 */
public record TopUpView(
        String topUpId,
        long userId,
        String merchantOrderNo,
        long amount,
        TopUpStatus status,
        String paymentId,
        String failureReason,
        String review,
        Instant createdAt,
        Instant finishedAt) {

    static TopUpView of(TopUp t) {
        return new TopUpView(
                String.valueOf(t.topUpId()),
                t.userId(),
                t.merchantOrderNo(),
                t.amount(),
                t.status(),
                t.paymentId(),
                t.failureReason(),
                t.reviewReason(),
                t.createdAt(),
                t.finishedAt());
    }
}
