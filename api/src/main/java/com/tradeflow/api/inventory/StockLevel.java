package com.tradeflow.api.inventory;

import java.io.Serializable;

/**
 * A sku's stock beside what its ledger adds up to, read in one consistent statement (for reconciliation). The books
 * agree when {@code available == openingUnits + ledgerChange} and {@code reserved == reservedInLedger}.
 *
 * @param openingUnits     the units available when the stock row was created (or when its books began)
 * @param ledgerChange     what the stock ledger did to {@code available} since: returns added, deductions and
 *                         reservations taken
 * @param reservedInLedger the units the ledger says are reserved (TCC tries not yet ended)
 */
public record StockLevel(
        long skuId, long available, long reserved, long openingUnits, long ledgerChange, long reservedInLedger)
        implements Serializable {}
