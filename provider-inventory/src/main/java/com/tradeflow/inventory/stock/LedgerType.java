package com.tradeflow.inventory.stock;

/** Kinds of stock movement recorded per order (one row per order and kind). */
enum LedgerType {
    /** Units taken for the order (AT, XA; TCC once confirmed). */
    DEDUCT,
    /** TCC try: units held for the order until the global transaction ends. */
    RESERVE,
    /** Units given back when the order was cancelled (AT, XA; TCC once confirmed). */
    RETURN,
    /** TCC try of a cancellation: the units go back at confirm. */
    RETURN_PENDING
}
