package com.tradeflow.inventory.stock;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.StockDeduction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives back the stock of a cancelled order in ONE local transaction (AT and XA: one branch per global
 * transaction). Idempotent: the RETURN ledger row is written once per order.
 */
@Component
public class RestockOrder {

    private final StockRepository stock;

    RestockOrder(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public StockDeduction restock(long orderId, long skuId, int quantity) {
        StockDeduction taken = takenBy(stock, orderId, skuId, quantity);
        if (stock.findMovement(orderId, LedgerType.RETURN).isEmpty()) {
            stock.giveBack(skuId, quantity);
            stock.recordMovement(taken, LedgerType.RETURN);
        }
        return taken;
    }

    /** What the order took; the caller's sku and quantity must match it. */
    static StockDeduction takenBy(StockRepository stock, long orderId, long skuId, int quantity) {
        StockDeduction taken = stock.findMovement(orderId, LedgerType.DEDUCT)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "order " + orderId + " took no stock"));
        if (taken.skuId() != skuId || taken.quantity() != quantity) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED,
                    "order " + orderId + " took " + taken.quantity() + " x sku " + taken.skuId() + ", not " + quantity
                            + " x sku " + skuId);
        }
        return taken;
    }
}
