package com.tradeflow.web.product;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.platform.cache.Cached;
import com.tradeflow.platform.cache.FencedCache;
import jakarta.validation.constraints.Positive;
import java.util.Optional;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product reads through the Redis product cache ({@link FencedCache}), loaded from provider-inventory on a miss;
 * degraded to the last known value while it cannot answer.
 */
@RestController
@Validated
class ProductController {

    private static final Logger log = LoggerFactory.getLogger(ProductController.class);

    private final InventoryService inventory;
    private final FencedCache<ProductView> cache;
    private final LastKnownProducts lastKnown;

    ProductController(InventoryService inventory, FencedCache<ProductView> cache, LastKnownProducts lastKnown) {
        this.inventory = inventory;
        this.cache = cache;
        this.lastKnown = lastKnown;
    }

    /**
     * {@code GET /api/products/{skuId}}: {@code {"skuId":3,"name":"...","price":999,"available":998,"reserved":0,
     * "sold":2,"stale":false,"asOf":"..."}} (reserved: held by TCC purchases still in progress; asOf: when it was
     * read from provider-inventory, earlier than now when it comes from the cache), or 404. While
     * provider-inventory cannot answer (its circuit breaker open, or timing out), the last value this instance read
     * is answered with {@code "stale":true} and {@code asOf} the time it was read; with none, 503.
     */
    @GetMapping("/api/products/{skuId}")
    ProductRead get(@PathVariable @Positive long skuId) {
        try {
            Cached<ProductView> product = cache.get(skuId, () -> load(skuId));
            if (!product.found()) {
                throw new BusinessException(ErrorCode.NOT_FOUND, "no product with skuId " + skuId);
            }
            lastKnown.remember(product.value(), product.loadedAt());
            return ProductRead.of(product.value(), false, product.loadedAt());
        } catch (BusinessException e) {
            if (e.code() != ErrorCode.DEPENDENCY_UNAVAILABLE) {
                throw e;
            }
            return stale(skuId, e).orElseThrow(() -> e);
        } catch (RpcException e) {
            return stale(skuId, e).orElseThrow(() -> e);
        }
    }

    private Optional<ProductView> load(long skuId) {
        try {
            return Optional.of(inventory.getProduct(skuId));
        } catch (BusinessException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<ProductRead> stale(long skuId, RuntimeException cause) {
        return lastKnown.find(skuId).map(known -> {
            log.debug(
                    "product {}: provider-inventory unavailable ({}); answering the value read at {}",
                    skuId,
                    cause.getMessage(),
                    known.readAt());
            return ProductRead.of(known.product(), true, known.readAt());
        });
    }
}
