package com.tradeflow.api.inventory;

import java.io.Serializable;

/** What a deduct took: the price per unit and the amount (both in cents). */
public record StockDeduction(long orderId, long skuId, int quantity, long unitPrice, long amount)
        implements Serializable {}
