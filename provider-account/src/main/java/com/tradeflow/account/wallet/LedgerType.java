package com.tradeflow.account.wallet;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Kinds of wallet movement recorded per order or top-up (one row per order and kind). */
enum LedgerType {
    /** Money taken for the order (AT, XA; TCC once confirmed). */
    DEBIT(-1),
    /** TCC try: money held for the order until the global transaction ends (it left the balance for frozen). */
    FREEZE(-1),
    /** Money paid back when the order was cancelled (AT, XA; TCC once confirmed). */
    REFUND(1),
    /** TCC try of a cancellation: the money goes back at confirm (the balance is untouched until then). */
    REFUND_PENDING(0),
    /** Money paid in through the payment gateway (the row's order id is the top-up id). */
    TOP_UP(1);

    /** What a row of this kind did to the wallet's balance: its amount times this. */
    private final int balanceEffect;

    LedgerType(int balanceEffect) {
        this.balanceEffect = balanceEffect;
    }

    /**
     * SQL summing what the ledger rows of alias {@code l} did to the balance, from the effects above (the
     * reconciliation's view of the books, in one place with the kinds).
     */
    static String balanceChangeSql(String alias) {
        return Arrays.stream(values())
                .filter(t -> t.balanceEffect != 0)
                .map(t -> "WHEN '" + t.name() + "' THEN " + (t.balanceEffect < 0 ? "-" : "") + alias + ".amount")
                .collect(Collectors.joining(" ", "COALESCE(SUM(CASE " + alias + ".type ", " ELSE 0 END), 0)"));
    }
}
