package com.tradeflow.web.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life, and the only place that says where it may go next:
 * <pre>
 *   AT, XA:  (new) -> PLACED -> CANCELLED
 *   TCC:     (new) -> PENDING -> PLACED -> CANCELLING -> CANCELLED
 *                                 ^            |
 *                                 +------------+  (the cancellation's global transaction rolled back)
 * </pre>
 * A PENDING order whose placement is rolled back is deleted, not moved (it never was). The repository's
 * compare-and-set updates ({@link OrderRepository#changeStatus}) ask {@link #next} for each change.
 */
public enum OrderStatus {
    /** TCC: tried, waiting for the global commit. */
    PENDING,
    PLACED,
    /** TCC: cancellation tried, waiting for the global commit. */
    CANCELLING,
    CANCELLED;

    /** A new order: PLACED at once in AT and XA (its branch commits with the others), PENDING in TCC. */
    static OrderStatus initial(TransactionMode mode) {
        return mode == TransactionMode.TCC ? PENDING : PLACED;
    }

    /** The statuses an order in this one may change to. */
    Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PLACED);
            case PLACED -> EnumSet.of(CANCELLING, CANCELLED);
            case CANCELLING -> EnumSet.of(CANCELLED, PLACED);
            case CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** @throws IllegalArgumentException the change is not one an order makes (a bug, not a user's mistake) */
    void requireNext(OrderStatus to) {
        if (!next().contains(to)) {
            throw new IllegalArgumentException("an order does not go from " + this + " to " + to);
        }
    }

    /** Only a placed order can be cancelled (a PENDING one is not placed yet, a CANCELLING one is on its way). */
    boolean cancellable() {
        return this == PLACED;
    }

    /** No global transaction is deciding about it: the order stands as PLACED or CANCELLED. */
    public boolean settled() {
        return this == PLACED || this == CANCELLED;
    }
}
