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

/**
 * TCC money for a purchase: the try freezes (balance -> frozen), confirm spends the frozen amount, cancel
 * unfreezes it. Seata's TCC fence runs each phase in one local transaction with a fence row in the user's shard
 * (the action context's {@code userId} routes it): confirm and cancel apply once, a cancel without a try changes
 * nothing, and a try after its cancel is refused.
 */
@LocalTCC
@Component
public class WalletFreezeAction {

    static final String ACTION = "account-freeze-money";

    private static final Logger log = LoggerFactory.getLogger(WalletFreezeAction.class);

    private final WalletRepository wallets;

    WalletFreezeAction(WalletRepository wallets) {
        this.wallets = wallets;
    }

    @TwoPhaseBusinessAction(name = ACTION, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    public void freeze(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("userId") long userId,
            @BusinessActionContextParameter("amount") long amount) {
        DebitWallet.requirePositive(amount);
        Optional<Long> earlier = wallets.findMovement(userId, orderId, LedgerType.FREEZE, LedgerType.DEBIT);
        if (earlier.isPresent()) {
            DebitWallet.requireRepeat(orderId, userId, amount, earlier);
            return;
        }
        if (!wallets.freeze(userId, amount)) {
            throw wallets.refusal(userId, amount);
        }
        wallets.recordMovement(userId, orderId, LedgerType.FREEZE, amount);
    }

    public boolean confirm(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long userId = ActionContexts.longValue(context, "userId");
        long amount = ActionContexts.longValue(context, "amount");
        if (wallets.changeMovementType(userId, orderId, LedgerType.FREEZE, LedgerType.DEBIT)) {
            if (!wallets.spendFrozen(userId, amount)) {
                throw new IllegalStateException("order " + orderId + ": user " + userId + " has less than " + amount
                        + " cents frozen to spend");
            }
            log.debug("order {}: {} cents of user {} spent ({})", orderId, amount, userId, context.getXid());
        }
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long userId = ActionContexts.longValue(context, "userId");
        long amount = ActionContexts.longValue(context, "amount");
        if (wallets.deleteMovement(userId, orderId, LedgerType.FREEZE)) {
            if (!wallets.unfreeze(userId, amount)) {
                throw new IllegalStateException("order " + orderId + ": user " + userId + " has less than " + amount
                        + " cents frozen to release");
            }
            log.info("order {}: {} cents of user {} unfrozen ({})", orderId, amount, userId, context.getXid());
        }
        return true;
    }
}
