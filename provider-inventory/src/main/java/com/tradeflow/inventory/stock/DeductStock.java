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
            return before.earlier().get();
        }
        long price = before.price()
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no product with skuId " + skuId));
        if (!stock.take(skuId, quantity)) {
            throw new BusinessException(ErrorCode.INSUFFICIENT_STOCK,
                    "not enough stock of sku " + skuId + " for " + quantity);
        }
        StockDeduction deduction = new StockDeduction(orderId, skuId, quantity, price,
                Math.multiplyExact(price, (long) quantity));
        stock.recordMovement(deduction, LedgerType.DEDUCT);
        return deduction;
    }
}
