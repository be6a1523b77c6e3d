package com.tradeflow.account.wallet;

/** Kinds of wallet movement recorded per order or top-up (one row per order and kind). */
enum LedgerType {
    /** Money taken for the order (AT, XA; TCC once confirmed). */
    DEBIT,
    /** TCC try: money held for the order until the global transaction ends. */
    FREEZE,
    /** Money paid back when the order was cancelled (AT, XA; TCC once confirmed). */
    REFUND,
    /** TCC try of a cancellation: the money goes back at confirm. */
    REFUND_PENDING,
    /** Money paid in through the payment gateway (the row's order id is the top-up id). */
    TOP_UP
}
