package com.tradeflow.account.wallet;

import com.tradeflow.api.account.WalletView;
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

    @Transactional
    public WalletView debit(long orderId, long userId, long amount) {
        requirePositive(amount);
        WalletView wallet = wallets.find(userId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no wallet for user " + userId));
        if (wallets.findMovement(userId, orderId, LedgerType.DEBIT).isPresent()) {
            return wallet;
        }
        if (!wallets.take(userId, amount)) {
            throw new BusinessException(ErrorCode.INSUFFICIENT_BALANCE,
                    "balance of user " + userId + " is below " + amount + " cents");
        }
        wallets.recordMovement(userId, orderId, LedgerType.DEBIT, amount);
        return new WalletView(userId, wallet.balance() - amount, wallet.frozen(), wallet.points());
    }

    static void requirePositive(long amount) {
        if (amount < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "amount must be at least 1 cent");
        }
    }
}
