package com.tradeflow.web.order;

import java.time.Instant;

/**
 * A global transaction run for an order, as its launcher saw it end.
 *
 * @param action PLACE or CANCEL
 * @param status Seata's global status: Committed, Rollbacked, TimeoutRollbacking ...
 */
public record OrderTransaction(String xid, long orderId, long userId, String action, TransactionMode mode,
                               String status, Instant finishedAt) {
}
