package com.tradeflow.account.wallet;

import com.tradeflow.api.account.WalletView;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays back a cancelled order in ONE local transaction on the user's shard (AT and XA: one branch per global
 * transaction). Idempotent: the REFUND ledger row is written once per order.
 */
@Component
public class RefundWallet {

    private final WalletRepository wallets;

    RefundWallet(WalletRepository wallets) {
        this.wallets = wallets;
    }

    @Transactional
    public WalletView refund(long orderId, long userId, long amount) {
        requireDebit(wallets, orderId, userId, amount);
        // as the debit: the ledger row first, its key refuses a repeat before any money moves
        if (wallets.recordNewMovement(userId, orderId, LedgerType.REFUND, amount)) {
            wallets.credit(userId, amount);
        }
        return wallets.find(userId).orElseThrow();
    }

    /** The order debited exactly {@code amount} from this user, or the refund is refused. */
    static void requireDebit(WalletRepository wallets, long orderId, long userId, long amount) {
        long debited = wallets.findMovement(userId, orderId, LedgerType.DEBIT)
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.NOT_FOUND, "order " + orderId + " debited nothing from user " + userId));
        if (debited != amount) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED, "order " + orderId + " debited " + debited + " cents, not " + amount);
        }
    }
}
