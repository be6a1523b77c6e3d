package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * A wallet beside what its books add up to, read in one consistent statement (for reconciliation). The books agree
 * when {@code balance == openingBalance + ledgerChange} and {@code frozen == frozenInLedger}.
 *
 * @param openingBalance what the wallet held when it was created (or when its books began to be kept)
 * @param ledgerChange   what the wallet ledger and the transfers did to the balance since: top-ups, refunds and
 *                       transfers in added, debits, freezes and transfers out taken
 * @param frozenInLedger the money the ledger says is frozen (TCC tries not yet ended)
 */
public record WalletBalance(
        long userId, long balance, long frozen, long openingBalance, long ledgerChange, long frozenInLedger)
        implements Serializable {}
