package com.tradeflow.account.wallet;

import com.tradeflow.platform.transaction.ActionContexts;
import java.util.Optional;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * TCC money for a purchase: the try freezes (balance -> frozen), confirm spends the frozen amount, cancel
 * unfreezes it, each on the user's shard (the action context's {@code userId} routes the phases). The order's
 * FREEZE ledger row is the fence, without Seata's fence log, as for the stock ({@code StockReservationAction} of
 * provider-inventory): confirm turns it into DEBIT and spends its amount in one statement, cancel voids it (zero
 * cents) or, finding none, writes a void row whose key refuses a try that arrives after its cancel.
 */
@LocalTCC
@Component
public class WalletFreezeAction {

    static final String ACTION = "account-freeze-money";

    private static final Logger log = LoggerFactory.getLogger(WalletFreezeAction.class);

    private final WalletRepository wallets;
    private final TransactionOperations transactions;

    WalletFreezeAction(WalletRepository wallets, TransactionOperations transactions) {
        this.wallets = wallets;
        this.transactions = transactions;
    }

    @TwoPhaseBusinessAction(name = ACTION, commitMethod = "confirm", rollbackMethod = "cancel")
    public void freeze(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("userId") long userId,
            @BusinessActionContextParameter("amount") long amount) {
        DebitWallet.requirePositive(amount);
        transactions.executeWithoutResult(status -> freezeOnce(orderId, userId, amount));
    }

    private void freezeOnce(long orderId, long userId, long amount) {
        // frozen before, or frozen and confirmed (FREEZE became DEBIT), or cancelled first
        Optional<Long> earlier = wallets.findMovement(userId, orderId, LedgerType.FREEZE, LedgerType.DEBIT);
        if (earlier.isPresent()) {
            if (earlier.get() == 0) {
                throw cancelledFirst(orderId);
            }
            DebitWallet.requireRepeat(orderId, userId, amount, earlier);
            return;
        }
        if (!wallets.freeze(userId, amount)) {
            throw wallets.refusal(userId, amount);
        }
        if (!wallets.recordNewMovement(userId, orderId, LedgerType.FREEZE, amount)) {
            // the cancel's tombstone was written since the read above: this transaction rolls back
            throw cancelledFirst(orderId);
        }
    }

    public boolean confirm(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long userId = ActionContexts.longValue(context, "userId");
        if (wallets.spendFrozen(userId, orderId)) {
            log.debug("order {}: frozen money of user {} spent ({})", orderId, userId, context.getXid());
        }
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long userId = ActionContexts.longValue(context, "userId");
        long amount = ActionContexts.longValue(context, "amount");
        transactions.executeWithoutResult(status -> {
            if (wallets.voidMovement(userId, orderId, LedgerType.FREEZE)) {
                if (!wallets.unfreeze(userId, amount)) {
                    throw new IllegalStateException("order " + orderId + ": user " + userId + " has less than " + amount
                            + " cents frozen to release");
                }
                log.info("order {}: {} cents of user {} unfrozen ({})", orderId, amount, userId, context.getXid());
            } else if (wallets.recordVoid(userId, orderId, LedgerType.FREEZE)) {
                log.info(
                        "order {}: cancelled before any freeze; a later try is refused ({})",
                        orderId,
                        context.getXid());
            }
        });
        return true;
    }

    /** The try of a branch whose cancel came first: its global transaction is over (rolled back). */
    private static IllegalStateException cancelledFirst(long orderId) {
        String refusal = "order " + orderId + ": try refused, its global transaction was rolled back before it arrived";
        log.warn(refusal);
        return new IllegalStateException(refusal);
    }
}
