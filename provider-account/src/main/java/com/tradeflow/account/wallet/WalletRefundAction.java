package com.tradeflow.account.wallet;

import com.tradeflow.api.account.WalletView;
import com.tradeflow.platform.transaction.ActionContexts;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * TCC money for a cancellation: the try records the refund as pending (the user cannot spend it yet: a cancelled
 * cancellation must not claw back money already spent), confirm pays it, cancel drops it. Fenced by Seata's TCC
 * fence log, unlike {@link WalletFreezeAction}: a cancellation can be tried again under the same order id after one
 * was rolled back, so an order-keyed row cannot be its tombstone.
 */
@LocalTCC
@Component
public class WalletRefundAction {

    static final String ACTION = "account-refund-money";

    private static final Logger log = LoggerFactory.getLogger(WalletRefundAction.class);

    private final WalletRepository wallets;

    WalletRefundAction(WalletRepository wallets) {
        this.wallets = wallets;
    }

    @TwoPhaseBusinessAction(name = ACTION, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    public WalletView prepareRefund(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("userId") long userId,
            @BusinessActionContextParameter("amount") long amount) {
        RefundWallet.requireDebit(wallets, orderId, userId, amount);
        if (wallets.findMovement(userId, orderId, LedgerType.REFUND).isEmpty()
                && wallets.findMovement(userId, orderId, LedgerType.REFUND_PENDING)
                        .isEmpty()) {
            wallets.recordMovement(userId, orderId, LedgerType.REFUND_PENDING, amount);
        }
        return wallets.find(userId).orElseThrow();
    }

    public boolean confirm(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long userId = ActionContexts.longValue(context, "userId");
        long amount = ActionContexts.longValue(context, "amount");
        if (wallets.changeMovementType(userId, orderId, LedgerType.REFUND_PENDING, LedgerType.REFUND)) {
            wallets.credit(userId, amount);
            log.info("order {}: {} cents refunded to user {} ({})", orderId, amount, userId, context.getXid());
        }
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long userId = ActionContexts.longValue(context, "userId");
        if (wallets.deleteMovement(userId, orderId, LedgerType.REFUND_PENDING)) {
            log.info("order {}: pending refund of user {} dropped ({})", orderId, userId, context.getXid());
        }
        return true;
    }
}
