package com.tradeflow.api.account;

import com.tradeflow.api.error.BusinessException;

/**
 * Wallets (provider-account), sharded by user id. Writes take part in the caller's Seata global transaction and
 * are idempotent per order.
 */
public interface WalletService {

    /**
     * Takes {@code amount} cents from the user's balance for the order.
     *
     * @throws BusinessException NOT_FOUND (unknown user), INSUFFICIENT_BALANCE,
     *                                                    VALIDATION_FAILED (amount below 1)
     */
    WalletView debit(long orderId, long userId, long amount) throws BusinessException;

    /** @throws BusinessException NOT_FOUND */
    WalletView getWallet(long userId) throws BusinessException;
}
