package com.tradeflow.web.product;

import com.tradeflow.api.inventory.ProductView;
import java.time.Instant;

/**
 * A product as the web API answers it: the provider's view, and whether it is the last known value served because
 * provider-inventory cannot answer now ({@code stale}: true, {@code asOf}: when it was read).
 */
record ProductRead(
        long skuId, String name, long price, long available, long reserved, long sold, boolean stale, Instant asOf) {

    static ProductRead of(ProductView p, boolean stale, Instant asOf) {
        return new ProductRead(p.skuId(), p.name(), p.price(), p.available(), p.reserved(), p.sold(), stale, asOf);
    }
}
