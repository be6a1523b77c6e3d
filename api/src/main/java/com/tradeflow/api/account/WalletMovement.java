package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * A row of the wallet ledger about an order: money taken or given back (for reconciliation).
 *
 * @param type DEBIT (taken), FREEZE (TCC: held until the global commit), REFUND (paid back at a cancellation),
 *             REFUND_PENDING (TCC: to be paid back at the global commit)
 */
public record WalletMovement(long orderId, String type, long userId, long amount) implements Serializable {}
