package com.tradeflow.account.wallet;

/** Kinds of wallet movement recorded per order. */
enum LedgerType {
    DEBIT
}
