package com.tradeflow.inventory.sales;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.cache.CacheInvalidator;
import com.tradeflow.platform.events.OrderEventHandler;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        sales.add(event.skuId(), change(event));
        products.invalidateAfterCommit(event.skuId());
    }

    /** A batch: the changes summed per product, written as one statement; each product's cached read dropped once. */
    @Override
    public void applyAll(List<OrderEvent> events) {
        Map<Long, Long> bySku = events.stream()
                .collect(Collectors.groupingBy(OrderEvent::skuId, Collectors.summingLong(SoldCounter::change)));
        sales.addAll(bySku);
        bySku.keySet().forEach(products::invalidateAfterCommit);
    }

    private static long change(OrderEvent event) {
        return event.placed() ? event.quantity() : -event.quantity();
    }
}
