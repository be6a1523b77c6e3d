package com.tradeflow.web.reconciliation;

/** What a finding is about; its id is the subject's own. */
public enum Subject {
    /** An order against the stock and wallet ledgers (id: the order id). */
    ORDER,
    /** A wallet against its opening balance, ledger and transfers (id: the user id). */
    WALLET,
    /** A sku's stock against its opening units and ledger (id: the sku id). */
    STOCK,
    /** The two sides of a transfer between wallets (id: the transfer id). */
    TRANSFER,
    /** A finished top-up against what the wallet was credited (id: the top-up id). */
    TOP_UP,
    /** A flash sale's counters, Redis, tickets and orders against each other (id: the sale id). */
    FLASH_SALE,
    /** A user's loyalty points against the order events applied to them (id: the user id). */
    POINTS
}
