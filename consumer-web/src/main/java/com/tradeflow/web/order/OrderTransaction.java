package com.tradeflow.web.order;

import org.apache.seata.core.model.GlobalStatus;

import java.time.Instant;

/**
 * A global transaction run for an order, as its launcher saw it end.
 *
 * @param action     {@value #PLACE} or {@value #CANCEL}
 * @param status     Seata's global status: Committed, Rollbacked, TimeoutRollbacking ...
 * @param finishedAt when the launcher saw it end; null for a placement that committed as it ran (the order row is
 *                   its only record, and the order's createdAt is when it began)
 */
public record OrderTransaction(String xid, long orderId, long userId, String action, TransactionMode mode,
                               String status, Instant finishedAt) {

    static final String PLACE = "PLACE";
    static final String CANCEL = "CANCEL";

    /** A placement its launcher saw commit, as the order row records it. */
    static OrderTransaction committedPlacement(String xid, long orderId, long userId, TransactionMode mode) {
        return new OrderTransaction(xid, orderId, userId, PLACE, mode, GlobalStatus.Committed.name(), null);
    }
}
