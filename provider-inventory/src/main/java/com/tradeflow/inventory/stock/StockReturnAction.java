package com.tradeflow.inventory.stock;

import com.tradeflow.api.inventory.StockDeduction;
import com.tradeflow.platform.transaction.ActionContexts;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * TCC stock for a cancellation: the try records the return as pending (nothing is sellable yet: a cancelled
 * cancellation must not take back units someone bought meanwhile), confirm puts the units back, cancel drops the
 * pending return. Fenced by Seata's TCC fence log, unlike {@link StockReservationAction}: a cancellation can be tried
 * again under the same order id after one was rolled back, so an order-keyed row cannot be its tombstone.
 */
@LocalTCC
@Component
public class StockReturnAction {

    static final String ACTION = "inventory-return-stock";

    private static final Logger log = LoggerFactory.getLogger(StockReturnAction.class);

    private final StockRepository stock;

    StockReturnAction(StockRepository stock) {
        this.stock = stock;
    }

    @TwoPhaseBusinessAction(name = ACTION, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    public StockDeduction prepareReturn(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("skuId") long skuId,
            @BusinessActionContextParameter("quantity") int quantity) {
        StockDeduction taken = RestockOrder.takenBy(stock, orderId, skuId, quantity);
        if (stock.findMovement(orderId, LedgerType.RETURN).isEmpty()
                && stock.findMovement(orderId, LedgerType.RETURN_PENDING).isEmpty()) {
            stock.recordMovement(taken, LedgerType.RETURN_PENDING);
        }
        return taken;
    }

    public boolean confirm(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long skuId = ActionContexts.longValue(context, "skuId");
        int quantity = ActionContexts.intValue(context, "quantity");
        if (stock.changeMovementType(orderId, LedgerType.RETURN_PENDING, LedgerType.RETURN)) {
            stock.giveBack(skuId, quantity);
            log.info("order {}: {} x sku {} returned ({})", orderId, quantity, skuId, context.getXid());
        }
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        if (stock.deleteMovement(orderId, LedgerType.RETURN_PENDING)) {
            log.info("order {}: pending return dropped ({})", orderId, context.getXid());
        }
        return true;
    }
}
