package com.tradeflow.api.account;

import com.tradeflow.api.error.BusinessException;

/**
 * Wallets (provider-account), sharded by user id. Writes take part in the caller's Seata global transaction, in
 * the caller's mode: AT and XA change the balance directly; TCC freezes in the try and settles in confirm or
 * cancel. Writes are idempotent per order.
 */
public interface WalletService {

    /**
     * Takes {@code amount} cents from the user's balance for the order (TCC: freezes them until the global
     * commit).
     *
     * @throws BusinessException NOT_FOUND (unknown user), INSUFFICIENT_BALANCE, VALIDATION_FAILED (amount below
     *                           1), CONCURRENT_UPDATE (the wallet is locked by another global transaction)
     */
    WalletView debit(long orderId, long userId, long amount) throws BusinessException;

    /**
     * Pays back what the order was debited (TCC: at the global commit).
     *
     * @throws BusinessException NOT_FOUND (the order debited nothing from this user), VALIDATION_FAILED (amount
     *                           differs from the debit), CONCURRENT_UPDATE
     */
    WalletView refund(long orderId, long userId, long amount) throws BusinessException;

    /** @throws BusinessException NOT_FOUND */
    WalletView getWallet(long userId) throws BusinessException;
}
