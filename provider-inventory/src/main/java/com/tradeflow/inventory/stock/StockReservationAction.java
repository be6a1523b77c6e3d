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
import org.springframework.transaction.support.TransactionOperations;

/**
 * TCC stock for a purchase: the try reserves (available -> reserved), confirm turns the reservation into a sale,
 * cancel releases it. The order's RESERVE ledger row is the fence, without Seata's fence log: a purchase's order id
 * is new per attempt, so the row says for this one branch what happened.
 * <ul>
 *   <li>the try reserves and writes the row in one local transaction;</li>
 *   <li>confirm turns the row into DEDUCT and settles the reserved units in one statement: a second confirm finds no
 *       RESERVE row and changes nothing;</li>
 *   <li>cancel voids the row (zero units) and releases the units it held; a cancel that finds no row (its try never
 *       arrived, or failed) writes a void row, a tombstone: a try that arrives after it fails on the row's key, so
 *       it can never reserve for a transaction already rolled back. A void row moves nothing in any sum of the
 *       books.</li>
 * </ul>
 * Confirm and cancel read what they need from the action context the coordinator hands back, confirm the units
 * from the row itself.
 */
@LocalTCC
@Component
public class StockReservationAction {

    static final String ACTION = "inventory-reserve-stock";

    private static final Logger log = LoggerFactory.getLogger(StockReservationAction.class);

    private final StockRepository stock;
    private final TransactionOperations transactions;

    StockReservationAction(StockRepository stock, TransactionOperations transactions) {
        this.stock = stock;
        this.transactions = transactions;
    }

    @TwoPhaseBusinessAction(name = ACTION, commitMethod = "confirm", rollbackMethod = "cancel")
    public StockDeduction reserve(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("skuId") long skuId,
            @BusinessActionContextParameter("quantity") int quantity) {
        if (quantity < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "quantity must be at least 1");
        }
        return transactions.execute(status -> reserveOnce(orderId, skuId, quantity));
    }

    private StockDeduction reserveOnce(long orderId, long skuId, int quantity) {
        // reserved before, or reserved and confirmed (RESERVE became DEDUCT), or cancelled first
        StockRepository.BeforeTaking before = stock.beforeTaking(orderId, skuId, LedgerType.RESERVE, LedgerType.DEDUCT);
        if (before.earlier().isPresent()) {
            StockDeduction earlier = before.earlier().get();
            if (earlier.quantity() == 0) {
                throw cancelledFirst(orderId);
            }
            return DeductStock.requireRepeat(earlier, skuId, quantity);
        }
        long price = before.price()
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no product with skuId " + skuId));
        if (!stock.reserve(skuId, quantity)) {
            throw new BusinessException(
                    ErrorCode.INSUFFICIENT_STOCK, "not enough stock of sku " + skuId + " for " + quantity);
        }
        StockDeduction reservation =
                new StockDeduction(orderId, skuId, quantity, price, Math.multiplyExact(price, (long) quantity));
        if (!stock.recordNewMovement(reservation, LedgerType.RESERVE)) {
            // the cancel's tombstone was written since the read above: this transaction rolls back
            throw cancelledFirst(orderId);
        }
        return reservation;
    }

    public boolean confirm(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        if (stock.settleReservation(orderId)) {
            log.debug("order {}: reservation confirmed ({})", orderId, context.getXid());
        }
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        long orderId = ActionContexts.longValue(context, "orderId");
        long skuId = ActionContexts.longValue(context, "skuId");
        int quantity = ActionContexts.intValue(context, "quantity");
        transactions.executeWithoutResult(status -> {
            if (stock.voidMovement(orderId, LedgerType.RESERVE)) {
                if (!stock.releaseReservation(skuId, quantity)) {
                    throw new IllegalStateException("order " + orderId + ": sku " + skuId + " has fewer than "
                            + quantity + " reserved units to release");
                }
                log.info(
                        "order {}: reservation of {} x sku {} released ({})",
                        orderId,
                        quantity,
                        skuId,
                        context.getXid());
            } else if (stock.recordVoid(orderId, LedgerType.RESERVE, skuId)) {
                log.info(
                        "order {}: cancelled before any reservation; a later try is refused ({})",
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
