package com.tradeflow.web.reconciliation;

import java.util.EnumSet;
import java.util.Set;

/** How the books disagree, and about what. */
public enum FindingKind {
    /** The stock ledger lacks a movement the order's status requires (its DEDUCT; its RETURN once cancelled). */
    STOCK_MISSING(Subject.ORDER),
    /**
     * A stock movement the order's status rules out: a RETURN of an order not cancelled, a TCC RESERVE or
     * RETURN_PENDING left after the global transaction, any movement of an order that does not exist.
     */
    STOCK_UNEXPECTED(Subject.ORDER),
    /** A stock movement of another sku or quantity than the order's. */
    STOCK_MISMATCH(Subject.ORDER),
    /** The wallet ledger lacks a movement the order's status requires (its DEBIT; its REFUND once cancelled). */
    MONEY_MISSING(Subject.ORDER),
    /** A wallet movement the order's status rules out (as for the stock). */
    MONEY_UNEXPECTED(Subject.ORDER),
    /** A wallet movement of another user or amount than the order's. */
    MONEY_MISMATCH(Subject.ORDER),
    /** The order is still PENDING or CANCELLING long after its last change: its global transaction did not end. */
    UNSETTLED(Subject.ORDER),
    /** The wallet's balance is not its opening balance plus what its ledger and transfers did. */
    BALANCE_MISMATCH(Subject.WALLET),
    /** The wallet's frozen money is not the sum of its FREEZE rows. */
    FROZEN_MISMATCH(Subject.WALLET),
    /** The sku's available units are not its opening units plus what its ledger did. */
    AVAILABLE_MISMATCH(Subject.STOCK),
    /** The sku's reserved units are not the sum of its RESERVE rows. */
    RESERVED_MISMATCH(Subject.STOCK),
    /** The transfer lacks its OUT or its IN side. */
    TRANSFER_ONE_SIDED(Subject.TRANSFER),
    /** The transfer's sides disagree: amounts, users, or a side more than one. */
    TRANSFER_MISMATCH(Subject.TRANSFER),
    /** A top-up SUCCEEDED but the wallet was not credited for it. */
    TOP_UP_NOT_CREDITED(Subject.TOP_UP),
    /** A top-up's credit names another user or amount, or lacks its TOP_UP ledger row. */
    TOP_UP_CREDIT_MISMATCH(Subject.TOP_UP),
    /** A wallet was credited for a top-up that FAILED. */
    TOP_UP_CREDITED_UNPAID(Subject.TOP_UP),
    /** A wallet was credited for a top-up that does not exist (or is another user's). */
    TOP_UP_CREDIT_UNKNOWN(Subject.TOP_UP),
    /**
     * The gateway's record of the payment disagrees with the top-up: a SUCCEEDED top-up the gateway does not hold
     * as paid for its amount, or a FAILED one it holds as paid.
     */
    TOP_UP_GATEWAY_MISMATCH(Subject.TOP_UP),
    /** The finished top-up could not be compared with the gateway's record yet (it did not answer). */
    TOP_UP_GATEWAY_UNCHECKED(Subject.TOP_UP),
    /**
     * A flash sale's parts disagree: the taken counter and the tickets holding units, units oversold, Redis's units
     * left, tickets QUEUED for too long, or a PLACED ticket's order missing or unlike the sale.
     */
    FLASH_SALE_MISMATCH(Subject.FLASH_SALE),
    /** The points are not what the applied order events' orders are worth. */
    POINTS_MISMATCH(Subject.POINTS),
    /** Points were given for an event of an order that does not exist, or is another user's. */
    POINTS_UNKNOWN_ORDER(Subject.POINTS);

    private final Subject subject;

    FindingKind(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }

    /** The kinds about this subject. */
    static Set<FindingKind> of(Subject subject) {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        for (FindingKind kind : values()) {
            if (kind.subject == subject) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
