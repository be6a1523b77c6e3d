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

    /** Idempotent per order: a second debit of the same order changes nothing. */
    @Transactional
    public void debit(long orderId, long userId, long amount) {
        requirePositive(amount);
        if (wallets.findMovement(userId, orderId, LedgerType.DEBIT).isPresent()) {
            return;
        }
        if (!wallets.take(userId, amount)) {
            throw wallets.refusal(userId, amount);
        }
        wallets.recordMovement(userId, orderId, LedgerType.DEBIT, amount);
    }

    static void requirePositive(long amount) {
        if (amount < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "amount must be at least 1 cent");
        }
    }
}
