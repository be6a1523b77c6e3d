package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * What provider-account credited for a top-up (for reconciliation): its row of {@code wallet_top_ups} (at most one
 * per merchant order number) and the amount of its {@code TOP_UP} ledger row, null when there is none.
 */
public record TopUpCredit(long topUpId, long userId, long amount, String merchantOrderNo, Long ledgerAmount)
        implements Serializable {}
