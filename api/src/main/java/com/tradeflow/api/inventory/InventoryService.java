package com.tradeflow.api.inventory;

import com.tradeflow.api.error.BusinessException;
import java.util.List;

/**
 * Stock of the shop's products (provider-inventory). Writes take part in the caller's Seata global transaction,
 * in the caller's mode: AT and XA change {@code available} directly; TCC reserves in the try and settles in
 * confirm or cancel. Writes are idempotent per order: a repeated call changes nothing and answers the first
 * result.
 */
public interface InventoryService {

    /** At most this many order ids per {@link #getMovements} call. */
    int MAX_MOVEMENT_ORDERS = 500;

    /** At most this many skus, or rows asked for, per call of the reconciliation's reads below. */
    int MAX_BOOKS_ROWS = 500;

    /**
     * Takes {@code quantity} units of the sku for the order (TCC: reserves them until the global commit).
     *
     * @return the sku's unit price and the amount the order owes
     * @throws BusinessException NOT_FOUND (unknown sku), INSUFFICIENT_STOCK, VALIDATION_FAILED (quantity below 1),
     *                           CONCURRENT_UPDATE (the stock row is locked by another global transaction)
     */
    StockDeduction deduct(long orderId, long skuId, int quantity) throws BusinessException;

    /**
     * Gives back what the order took (TCC: at the global commit).
     *
     * @return the deduction that was reversed
     * @throws BusinessException NOT_FOUND (the order took no stock), VALIDATION_FAILED (sku or quantity differ
     *                           from what the order took), CONCURRENT_UPDATE
     */
    StockDeduction restock(long orderId, long skuId, int quantity) throws BusinessException;

    /** @throws BusinessException NOT_FOUND */
    ProductView getProduct(long skuId) throws BusinessException;

    /**
     * The stock ledger's rows of these orders, every kind (for reconciliation). Read outside any global
     * transaction: the rows of a transaction in flight may show.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_MOVEMENT_ORDERS} ids)
     */
    List<StockMovement> getMovements(List<Long> orderIds) throws BusinessException;

    /**
     * Skus whose stock row changed after {@code position}, at least {@code settleMillis} ago, oldest change first,
     * each beside what its ledger adds up to (for reconciliation). Read outside any global transaction.
     *
     * @param position null or empty: from the start; otherwise the {@code next} of an earlier page
     * @throws BusinessException VALIDATION_FAILED (a position not from this service, a limit outside 1 ..
     *                           {@link #MAX_BOOKS_ROWS})
     */
    StockLevels getStockChangedAfter(String position, long settleMillis, int limit) throws BusinessException;

    /**
     * These skus' stock beside what their ledger adds up to; skus without stock are left out.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_BOOKS_ROWS} ids)
     */
    List<StockLevel> getStockLevels(List<Long> skuIds) throws BusinessException;
}
