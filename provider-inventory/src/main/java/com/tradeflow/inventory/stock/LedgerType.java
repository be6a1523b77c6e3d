package com.tradeflow.inventory.stock;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Kinds of stock movement recorded per order (one row per order and kind). */
enum LedgerType {
    /** Units taken for the order (AT, XA; TCC once confirmed). */
    DEDUCT(-1),
    /** TCC try: units held for the order until the global transaction ends (they left available for reserved). */
    RESERVE(-1),
    /** Units given back when the order was cancelled (AT, XA; TCC once confirmed). */
    RETURN(1),
    /** TCC try of a cancellation: the units go back at confirm (available is untouched until then). */
    RETURN_PENDING(0);

    /** What a row of this kind did to the sku's available units: its quantity times this. */
    private final int availableEffect;

    LedgerType(int availableEffect) {
        this.availableEffect = availableEffect;
    }

    /** SQL summing what the ledger rows of alias {@code l} did to the available units, from the effects above. */
    static String availableChangeSql(String alias) {
        return Arrays.stream(values())
                .filter(t -> t.availableEffect != 0)
                .map(t -> "WHEN '" + t.name() + "' THEN " + (t.availableEffect < 0 ? "-" : "") + alias + ".quantity")
                .collect(Collectors.joining(" ", "COALESCE(SUM(CASE " + alias + ".type ", " ELSE 0 END), 0)"));
    }
}
