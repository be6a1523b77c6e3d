package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.web.system.IdGenerator;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a flash sale of a product that has the units in stock now (they are not set aside: every ticket's order
 * takes its unit through the normal purchase, and fails INSUFFICIENT_STOCK if other purchases took it first).
 */
class OpenFlashSaleService {

    private static final Logger log = LoggerFactory.getLogger(OpenFlashSaleService.class);

    private final FlashSaleRepository sales;
    private final FlashSaleCatalog catalog;
    private final InventoryService inventory;
    private final IdGenerator ids;

    OpenFlashSaleService(
            FlashSaleRepository sales, FlashSaleCatalog catalog, InventoryService inventory, IdGenerator ids) {
        this.sales = sales;
        this.catalog = catalog;
        this.inventory = inventory;
        this.ids = ids;
    }

    /** @throws BusinessException VALIDATION_FAILED (over already), NOT_FOUND (sku), INSUFFICIENT_STOCK */
    FlashSale open(OpenFlashSaleRequest request) {
        if (!request.endsAt().isAfter(Instant.now())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "endsAt must be in the future");
        }
        ProductView product = inventory.getProduct(request.skuId());
        if (product.available() < request.quantity()) {
            throw new BusinessException(
                    ErrorCode.INSUFFICIENT_STOCK,
                    "sku " + request.skuId() + " has " + product.available() + " units available, the sale wants "
                            + request.quantity());
        }
        FlashSale sale = new FlashSale(
                ids.next(),
                request.skuId(),
                request.quantity(),
                request.price(),
                request.startsAt(),
                request.endsAt(),
                request.perUserLimit());
        sales.insert(sale);
        catalog.opened(sale);
        log.info(
                "flash sale {} opened: {} x sku {} at {} cents, {} .. {}, {} per user",
                sale.saleId(),
                sale.quantity(),
                sale.skuId(),
                sale.price(),
                sale.startsAt(),
                sale.endsAt(),
                sale.perUserLimit());
        return sale;
    }
}
