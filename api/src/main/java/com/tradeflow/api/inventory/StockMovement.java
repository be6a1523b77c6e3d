package com.tradeflow.api.inventory;

import java.io.Serializable;

/**
 * A row of the stock ledger: what one order did to one sku's stock (for reconciliation).
 *
 * @param type DEDUCT (taken), RESERVE (TCC: held until the global commit), RETURN (given back at a cancellation),
 *             RETURN_PENDING (TCC: to be given back at the global commit)
 */
public record StockMovement(long orderId, String type, long skuId, int quantity, long amount) implements Serializable {}
