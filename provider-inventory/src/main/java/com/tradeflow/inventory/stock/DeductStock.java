package com.tradeflow.inventory.stock;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.StockDeduction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

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
        Optional<StockDeduction> earlier = stock.findMovement(orderId, LedgerType.DEDUCT);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long price = stock.findPrice(skuId)
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
