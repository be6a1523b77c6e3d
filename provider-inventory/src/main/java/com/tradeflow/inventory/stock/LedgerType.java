package com.tradeflow.inventory.stock;

/** Kinds of stock movement recorded per order. */
enum LedgerType {
    DEDUCT
}
