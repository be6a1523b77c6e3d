package com.tradeflow.web.product;

import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.ProductView;
import jakarta.validation.constraints.Positive;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Product reads, served by provider-inventory. */
@RestController
@Validated
class ProductController {

    private final InventoryService inventory;

    ProductController(InventoryService inventory) {
        this.inventory = inventory;
    }

    /**
     * {@code GET /api/products/{skuId}}: {@code {"skuId":3,"name":"...","price":999,"available":998,"reserved":0}}
     * (reserved: held by TCC purchases still in progress), or 404.
     */
    @GetMapping("/api/products/{skuId}")
    ProductView get(@PathVariable @Positive long skuId) {
        return inventory.getProduct(skuId);
    }
}
