package com.tradeflow.web.reconciliation;

import java.time.Instant;

/**
 * A disagreement in the books, as stored.
 *
 * @param subjectId the order, user, sku, transfer or top-up id (by {@code subject})
 * @param orderId   the order's id when the finding is about one; null otherwise
 * @param userId    the user concerned, when there is one; null for stock and transfers
 * @param status    OPEN; CLEARED when a later check found the books agree (a transaction in flight that ended);
 *                  RESOLVED when an operator said so
 * @param checkedAt when the job last found it
 * @param closedBy  {@code reconciliation} (cleared) or the operator who resolved it
 */
public record Finding(
        long id,
        Subject subject,
        String subjectId,
        Long orderId,
        Long userId,
        FindingKind kind,
        String detail,
        String status,
        Instant foundAt,
        Instant checkedAt,
        Instant closedAt,
        String closedBy,
        String note) {

    static final String OPEN = "OPEN";
    static final String CLEARED = "CLEARED";
    static final String RESOLVED = "RESOLVED";
}
