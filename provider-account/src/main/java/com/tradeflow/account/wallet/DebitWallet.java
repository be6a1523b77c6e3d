package com.tradeflow.account.wallet;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.util.Optional;
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
     * Idempotent per order: a second debit of the same order, user and amount changes nothing; one with another
     * user or amount is refused (an order id minted twice, not a repeat). The ledger row comes first: its key
     * (kind, order) refuses a repeat before any money moves, without a read ahead of every debit.
     */
    @Transactional
    public void debit(long orderId, long userId, long amount) {
        requirePositive(amount);
        if (!wallets.recordNewMovement(userId, orderId, LedgerType.DEBIT, amount)) {
            requireRepeat(orderId, userId, amount, wallets.findMovement(userId, orderId, LedgerType.DEBIT));
            return;
        }
        if (!wallets.take(userId, amount)) {
            throw wallets.refusal(userId, amount);
        }
    }

    /**
     * The order's earlier movement was this very one: same user, same amount.
     *
     * @throws BusinessException {@code IDEMPOTENCY_KEY_REUSED}: the order id was used for another movement
     */
    static void requireRepeat(long orderId, long userId, long amount, Optional<Long> earlier) {
        if (earlier.isEmpty() || earlier.get() != amount) {
            throw new BusinessException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "order " + orderId + " already moved "
                            + earlier.map(a -> a + " cents of user " + userId).orElse("money of another user")
                            + "; refused: " + amount + " cents of user " + userId);
        }
    }

    static void requirePositive(long amount) {
        if (amount < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "amount must be at least 1 cent");
        }
    }
}
