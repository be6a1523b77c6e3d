package com.tradeflow.web.order;

import static java.time.temporal.ChronoUnit.MILLIS;

import java.time.Instant;
import java.util.Optional;
import org.apache.seata.core.model.GlobalStatus;

/**
 * A global transaction run for an order, as its launcher saw it end.
 *
 * @param action     {@value #PLACE} or {@value #CANCEL}
 * @param status     Seata's global status: Committed, Rollbacked, TimeoutRollbacking ...
 * @param finishedAt when the launcher saw it end; null for a placement that committed as it ran (the order row is
 *                   its only record, and the order's createdAt is when it began)
 */
public record OrderTransaction(
        String xid, long orderId, long userId, String action, TransactionMode mode, String status, Instant finishedAt) {

    static final String PLACE = "PLACE";
    static final String CANCEL = "CANCEL";

    /**
     * A placement as its launcher saw it end: one that committed is recorded by its order row alone, so it has no
     * time; any other end is recorded now.
     */
    static OrderTransaction placement(
            String xid, long orderId, long userId, TransactionMode mode, GlobalStatus status) {
        Instant finishedAt =
                status == GlobalStatus.Committed ? null : Instant.now().truncatedTo(MILLIS);
        return new OrderTransaction(xid, orderId, userId, PLACE, mode, status.name(), finishedAt);
    }

    /**
     * The placement an order row records by itself (its launcher saw it commit and wrote no record). None for an
     * order placed without a global transaction, or still PENDING (a TCC placement not confirmed). Like the order's
     * status, under AT this can be read before the global commit.
     */
    static Optional<OrderTransaction> committedPlacementOf(Order order) {
        if (order.placedXid() == null || order.status() == OrderStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(
                placement(order.placedXid(), order.orderId(), order.userId(), order.mode(), GlobalStatus.Committed));
    }
}
