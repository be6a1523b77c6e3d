package com.tradeflow.api.inventory;

import java.io.Serializable;

/** A product and its stock. Money in cents. */
public record ProductView(long skuId, String name, long price, long available) implements Serializable {
}
