package com.tradeflow.web.product;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.ProductView;
import jakarta.validation.constraints.Positive;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/** Product reads, served by provider-inventory; degraded to the last known value while it cannot answer. */
@RestController
@Validated
class ProductController {

    private static final Logger log = LoggerFactory.getLogger(ProductController.class);

    private final InventoryService inventory;
    private final LastKnownProducts lastKnown;

    ProductController(InventoryService inventory, LastKnownProducts lastKnown) {
        this.inventory = inventory;
        this.lastKnown = lastKnown;
    }

    /**
     * {@code GET /api/products/{skuId}}: {@code {"skuId":3,"name":"...","price":999,"available":998,"reserved":0,
     * "sold":2,"stale":false,"asOf":"..."}} (reserved: held by TCC purchases still in progress), or 404. While
     * provider-inventory cannot answer (its circuit breaker open, or timing out), the last value this instance read
     * is answered with {@code "stale":true} and {@code asOf} the time it was read; with none, 503.
     */
    @GetMapping("/api/products/{skuId}")
    ProductRead get(@PathVariable @Positive long skuId) {
        try {
            ProductView product = inventory.getProduct(skuId);
            Instant now = Instant.now();
            lastKnown.remember(product, now);
            return ProductRead.of(product, false, now);
        } catch (BusinessException e) {
            if (e.code() != ErrorCode.DEPENDENCY_UNAVAILABLE) {
                throw e;
            }
            return stale(skuId, e).orElseThrow(() -> e);
        } catch (RpcException e) {
            return stale(skuId, e).orElseThrow(() -> e);
        }
    }

    private Optional<ProductRead> stale(long skuId, RuntimeException cause) {
        return lastKnown.find(skuId).map(known -> {
            log.debug("product {}: provider-inventory unavailable ({}); answering the value read at {}", skuId,
                    cause.getMessage(), known.readAt());
            return ProductRead.of(known.product(), true, known.readAt());
        });
    }
}
