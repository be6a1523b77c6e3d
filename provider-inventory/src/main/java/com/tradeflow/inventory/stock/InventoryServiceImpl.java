package com.tradeflow.inventory.stock;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.api.inventory.StockDeduction;
import com.tradeflow.api.inventory.StockLevel;
import com.tradeflow.api.inventory.StockLevels;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.LockContention;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.transaction.BranchTypes;
import java.time.Duration;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Dubbo face of the inventory: each write runs the way the caller's global transaction asks. */
@DubboService
class InventoryServiceImpl implements InventoryService {

    /** Test-only: fail after the deduct committed locally, so only the global rollback can undo it. */
    static final String FAULT_AFTER_DEDUCT = "inventory.deduct.after-commit";

    private static final Logger log = LoggerFactory.getLogger(InventoryServiceImpl.class);
    /** Test-only: product reads take {@link #SLOW_READ} (a slow provider, for circuit breaker tests). */
    static final String FAULT_SLOW_READS = "inventory.reads.slow";

    private static final Duration SLOW_READ = Duration.ofMillis(800);

    private final DeductStock deductStock;
    private final RestockOrder restockOrder;
    private final StockReservationAction reservation;
    private final StockReturnAction stockReturn;
    private final StockRepository stock;
    private final FaultSwitches faults;
    private final StockBooks books;

    InventoryServiceImpl(
            DeductStock deductStock,
            RestockOrder restockOrder,
            StockReservationAction reservation,
            StockReturnAction stockReturn,
            StockRepository stock,
            FaultSwitches faults,
            StockBooks books) {
        this.deductStock = deductStock;
        this.restockOrder = restockOrder;
        this.reservation = reservation;
        this.stockReturn = stockReturn;
        this.stock = stock;
        this.books = books;
        this.faults = faults;
    }

    @Override
    public StockDeduction deduct(long orderId, long skuId, int quantity) {
        boolean tcc = BranchTypes.inTcc();
        StockDeduction deduction = LockContention.translate(
                () -> tcc
                        ? reservation.reserve(null, orderId, skuId, quantity)
                        : deductStock.deduct(orderId, skuId, quantity),
                "the stock of sku " + skuId);
        log.debug(
                "order {}: {} x sku {} {} ({} cents)",
                orderId,
                quantity,
                skuId,
                tcc ? "reserved" : "deducted",
                deduction.amount());
        faults.fireIfArmed(FAULT_AFTER_DEDUCT);
        return deduction;
    }

    @Override
    public StockDeduction restock(long orderId, long skuId, int quantity) {
        boolean tcc = BranchTypes.inTcc();
        StockDeduction returned = LockContention.translate(
                () -> tcc
                        ? stockReturn.prepareReturn(null, orderId, skuId, quantity)
                        : restockOrder.restock(orderId, skuId, quantity),
                "the stock of sku " + skuId);
        log.debug("order {}: {} x sku {} {}", orderId, quantity, skuId, tcc ? "to be returned" : "returned");
        return returned;
    }

    @Override
    public ProductView getProduct(long skuId) {
        faults.delayIfArmed(FAULT_SLOW_READS, SLOW_READ);
        return stock.findProduct(skuId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no product with skuId " + skuId));
    }

    @Override
    public List<StockMovement> getMovements(List<Long> orderIds) {
        if (orderIds.size() > MAX_MOVEMENT_ORDERS) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED, "at most " + MAX_MOVEMENT_ORDERS + " order ids at a time");
        }
        return stock.movementsOf(orderIds);
    }

    @Override
    public StockLevels getStockChangedAfter(String position, long settleMillis, int limit) {
        ChangedRows.requireLimit(limit, MAX_BOOKS_ROWS);
        return books.changedAfter(position, settleMillis, limit);
    }

    @Override
    public List<StockLevel> getStockLevels(List<Long> skuIds) {
        ChangedRows.requireAtMost(skuIds, MAX_BOOKS_ROWS);
        return books.of(skuIds);
    }
}
