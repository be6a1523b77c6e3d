package com.tradeflow.account.wallet;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes money for an order in ONE local transaction on the user's shard: one Seata branch per global
 * transaction (Seata 2.0's TC mis-orders phase two when one resource has several).
 */
@Component
public class DebitWallet {

    private final WalletRepository wallets;

    DebitWallet(WalletRepository wallets) {
        this.wallets = wallets;
    }

    /**
     * Idempotent per order: a second debit of the same order changes nothing. The ledger row comes first: its key
     * (kind, order) refuses a repeat before any money moves, without a read ahead of every debit.
     */
    @Transactional
    public void debit(long orderId, long userId, long amount) {
        requirePositive(amount);
        if (!wallets.recordNewMovement(userId, orderId, LedgerType.DEBIT, amount)) {
            return;
        }
        if (!wallets.take(userId, amount)) {
            throw wallets.refusal(userId, amount);
        }
    }

    static void requirePositive(long amount) {
        if (amount < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "amount must be at least 1 cent");
        }
    }
}
