package com.tradeflow.inventory.sales;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.cache.CacheInvalidator;
import com.tradeflow.platform.events.OrderEventHandler;
import org.springframework.stereotype.Component;

/**
 * Units sold per product: a placed order adds its quantity, its cancellation takes it back. The product's cached
 * read (which shows {@code sold}) is dropped once the count is committed.
 */
@Component
class SoldCounter implements OrderEventHandler {

    private final SalesRepository sales;
    private final CacheInvalidator products;

    SoldCounter(SalesRepository sales, CacheInvalidator products) {
        this.sales = sales;
        this.products = products;
    }

    @Override
    public void apply(OrderEvent event) {
        sales.add(event.skuId(), event.placed() ? event.quantity() : -event.quantity());
        products.invalidateAfterCommit(event.skuId());
    }
}
