package com.tradeflow.inventory.stock;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
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
 * TCC stock for a purchase: the try reserves (available -> reserved), confirm turns the reservation into a sale,
 * cancel releases it. Seata's TCC fence runs each phase in one local transaction with a fence row: confirm and
 * cancel apply once, a cancel without a try changes nothing, and a try after its cancel is refused. Confirm and
 * cancel read what they need from the action context the coordinator hands back.
 */
@LocalTCC
@Component
public class StockReservationAction {

    static final String ACTION = "inventory-reserve-stock";

    private static final Logger log = LoggerFactory.getLogger(StockReservationAction.class);

    private final StockRepository stock;

    StockReservationAction(StockRepository stock) {
        this.stock = stock;
    }

    @TwoPhaseBusinessAction(name = ACTION, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    public StockDeduction reserve(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("skuId") long skuId,
            @BusinessActionContextParameter("quantity") int quantity) {
        if (quantity < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "quantity must be at least 1");
        }
        // reserved before, or reserved and confirmed (RESERVE became DEDUCT)
        StockRepository.BeforeTaking before = stock.beforeTaking(orderId, skuId, LedgerType.RESERVE, LedgerType.DEDUCT);
        if (before.earlier().isPresent()) {
            return DeductStock.requireRepeat(before.earlier().get(), skuId, quantity);
        }
        long price = before.price()
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no product with skuId " + skuId));
        if (!stock.reserve(skuId, quantity)) {
            throw new BusinessException(
                    ErrorCode.INSUFFICIENT_STOCK, "not enough stock of sku " + skuId + " for " + quantity);
        }
        StockDeduction reservation =
                new StockDeduction(orderId, skuId, quantity, price, Math.multiplyExact(price, (long) quantity));
        stock.recordMovement(reservation, LedgerType.RESERVE);
        return reservation;
    }

    public boolean confirm(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long skuId = ActionContexts.longValue(context, "skuId");
        int quantity = ActionContexts.intValue(context, "quantity");
        if (stock.changeMovementType(orderId, LedgerType.RESERVE, LedgerType.DEDUCT)) {
            if (!stock.settleReservation(skuId, quantity)) {
                throw new IllegalStateException("order " + orderId + ": sku " + skuId + " has fewer than " + quantity
                        + " reserved units to settle");
            }
            log.debug(
                    "order {}: reservation of {} x sku {} confirmed ({})", orderId, quantity, skuId, context.getXid());
        }
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long skuId = ActionContexts.longValue(context, "skuId");
        int quantity = ActionContexts.intValue(context, "quantity");
        if (stock.deleteMovement(orderId, LedgerType.RESERVE)) {
            if (!stock.releaseReservation(skuId, quantity)) {
                throw new IllegalStateException("order " + orderId + ": sku " + skuId + " has fewer than " + quantity
                        + " reserved units to release");
            }
            log.info("order {}: reservation of {} x sku {} released ({})", orderId, quantity, skuId, context.getXid());
        }
        return true;
    }
}
