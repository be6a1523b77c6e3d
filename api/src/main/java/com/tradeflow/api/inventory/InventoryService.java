package com.tradeflow.api.inventory;

import com.tradeflow.api.error.BusinessException;

/**
 * Stock of the shop's products (provider-inventory). Writes take part in the caller's Seata global transaction
 * and are idempotent per order: a second deduct for the same order changes nothing and answers the first result.
 */
public interface InventoryService {

    /**
     * Takes {@code quantity} units of the sku for the order.
     *
     * @return the sku's unit price and the amount the order owes
     * @throws BusinessException NOT_FOUND (unknown sku), INSUFFICIENT_STOCK,
     *                                                    VALIDATION_FAILED (quantity below 1)
     */
    StockDeduction deduct(long orderId, long skuId, int quantity) throws BusinessException;

    /** @throws BusinessException NOT_FOUND */
    ProductView getProduct(long skuId) throws BusinessException;
}
