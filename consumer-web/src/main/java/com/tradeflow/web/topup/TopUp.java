package com.tradeflow.web.topup;

import java.time.Instant;

/**
 * A wallet top-up as stored (table {@code top_ups}, in the user's database). Money in cents.
 *
 * @param merchantOrderNo our number for the payment at the gateway, its idempotency key
 * @param submittedAt     when the gateway confirmed it has the payment; null until then
 * @param resolvedBy      what settled it: NOTIFICATION, QUERY (reconciliation) or GATEWAY (refused at submission)
 * @param checks          reconciliation attempts so far
 * @param reviewReason    why it was flagged for manual review; null when it was not
 */
public record TopUp(
        long topUpId,
        long userId,
        String merchantOrderNo,
        long amount,
        String idempotencyKey,
        TopUpStatus status,
        String notifyUrl,
        String paymentId,
        Instant submittedAt,
        String resolvedBy,
        String failureReason,
        int checks,
        Instant nextCheckAt,
        String lastError,
        String reviewReason,
        Instant reviewSince,
        Instant createdAt,
        Instant finishedAt) {

    /** The number the gateway knows a top-up by: derived from its id, so it is unique and never reused. */
    static String merchantOrderNo(long topUpId) {
        return "TU" + topUpId;
    }

    boolean submitted() {
        return submittedAt != null;
    }
}
