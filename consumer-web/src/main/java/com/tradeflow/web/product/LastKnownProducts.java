package com.tradeflow.web.product;

import com.tradeflow.api.inventory.ProductView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The last product read of each sku that succeeded, in this instance's memory, for reads to degrade to while
 * provider-inventory cannot answer (its breaker open, timing out). Bounded: the least recently used go first.
 */
@Component
class LastKnownProducts {

    private static final int MAX_PRODUCTS = 10_000;

    /** A product and when it was read. */
    record Known(ProductView product, Instant readAt) {}

    private final Map<Long, Known> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
            return size() > MAX_PRODUCTS;
        }
    };

    synchronized void remember(ProductView product, Instant readAt) {
        known.put(product.skuId(), new Known(product, readAt));
    }

    synchronized Optional<Known> find(long skuId) {
        return Optional.ofNullable(known.get(skuId));
    }
}
