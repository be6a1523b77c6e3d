package com.tradeflow.inventory.stock;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.StockDeduction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes stock for an order in ONE local transaction, so that under a global transaction it is one Seata branch
 * (Seata 2.0's TC mis-orders phase two when one resource has several branches in a global transaction).
 */
@Component
public class DeductStock {

    private final StockRepository stock;

    DeductStock(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public StockDeduction deduct(long orderId, long skuId, int quantity) {
        if (quantity < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "quantity must be at least 1");
        }
        StockRepository.BeforeTaking before = stock.beforeTaking(orderId, skuId, LedgerType.DEDUCT);
        if (before.earlier().isPresent()) {
            return requireRepeat(before.earlier().get(), skuId, quantity);
        }
        long price = before.price()
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no product with skuId " + skuId));
        if (!stock.take(skuId, quantity)) {
            throw new BusinessException(
                    ErrorCode.INSUFFICIENT_STOCK, "not enough stock of sku " + skuId + " for " + quantity);
        }
        StockDeduction deduction =
                new StockDeduction(orderId, skuId, quantity, price, Math.multiplyExact(price, (long) quantity));
        stock.recordMovement(deduction, LedgerType.DEDUCT);
        return deduction;
    }

    /**
     * A repeated call for an order that took stock before: answered with what it took, if it asks for the same.
     *
     * @throws BusinessException {@code IDEMPOTENCY_KEY_REUSED}: the order id was used for another sku or quantity
     *                           (an order id minted twice, not a repeat)
     */
    static StockDeduction requireRepeat(StockDeduction earlier, long skuId, int quantity) {
        if (earlier.skuId() != skuId || earlier.quantity() != quantity) {
            throw new BusinessException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "order " + earlier.orderId() + " already "
                            + "took " + earlier.quantity() + " x sku " + earlier.skuId() + "; refused: " + quantity
                            + " x sku " + skuId);
        }
        return earlier;
    }
}
