package com.tradeflow.web.reconciliation;

import java.time.Instant;

/**
 * A disagreement between an order and the ledgers, as stored.
 *
 * @param status    OPEN; CLEARED when a later check found the books agree (a transaction in flight that ended);
 *                  RESOLVED when an operator said so
 * @param checkedAt when the job last found it
 * @param closedBy  {@code reconciliation} (cleared) or the operator who resolved it
 */
public record Finding(long id, long orderId, long userId, FindingKind kind, String detail, String status,
                      Instant foundAt, Instant checkedAt, Instant closedAt, String closedBy, String note) {

    static final String OPEN = "OPEN";
    static final String CLEARED = "CLEARED";
    static final String RESOLVED = "RESOLVED";
}
