package com.tradeflow.web.reconciliation;

/** How an order and the ledgers of the stock and the money disagree. */
public enum FindingKind {
    /** The stock ledger lacks a movement the order's status requires (its DEDUCT; its RETURN once cancelled). */
    STOCK_MISSING,
    /**
     * A stock movement the order's status rules out: a RETURN of an order not cancelled, a TCC RESERVE or
     * RETURN_PENDING left after the global transaction, any movement of an order that does not exist.
     */
    STOCK_UNEXPECTED,
    /** A stock movement of another sku or quantity than the order's. */
    STOCK_MISMATCH,
    /** The wallet ledger lacks a movement the order's status requires (its DEBIT; its REFUND once cancelled). */
    MONEY_MISSING,
    /** A wallet movement the order's status rules out (as for the stock). */
    MONEY_UNEXPECTED,
    /** A wallet movement of another user or amount than the order's. */
    MONEY_MISMATCH,
    /** The order is still PENDING or CANCELLING long after its last change: its global transaction did not end. */
    UNSETTLED
}
