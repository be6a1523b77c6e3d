package com.tradeflow.web.order;

import java.time.Instant;

/**
 * An order as the web API shows it, with the last global transaction that touched it (placing or cancelling;
 * null when none was recorded). The id is a string: snowflake ids exceed what JSON numbers hold safely.
 *
 * @param status the order's status ({@link OrderStatus}), or {@value #UNKNOWN} while the commit of the transaction
 *               that placed it is not confirmed: it may stand or be rolled back
 */
record OrderView(
        String orderId,
        long userId,
        long skuId,
        int quantity,
        long amount,
        String status,
        TransactionMode mode,
        Instant createdAt,
        LastTransaction lastTransaction) {

    static final String UNKNOWN = "UNKNOWN";

    static OrderView of(Order order, OrderTransaction last) {
        return of(order, order.status().name(), last);
    }

    /** The order as it stands if the commit the coordinator did not confirm went through. */
    static OrderView unconfirmed(Order order, OrderTransaction placing) {
        return of(order, UNKNOWN, placing);
    }

    /** Whether the commit that placed the order is not confirmed yet. */
    boolean placementUnconfirmed() {
        return UNKNOWN.equals(status);
    }

    private static OrderView of(Order order, String status, OrderTransaction last) {
        return new OrderView(
                String.valueOf(order.orderId()),
                order.userId(),
                order.skuId(),
                order.quantity(),
                order.amount(),
                status,
                order.mode(),
                order.createdAt(),
                last == null ? null : new LastTransaction(last.xid(), last.action(), last.status(), last.finishedAt()));
    }

    /** @param status Seata's global status as the launcher saw it end: Committed, Rollbacked ... */
    record LastTransaction(String xid, String action, String status, Instant finishedAt) {}
}
