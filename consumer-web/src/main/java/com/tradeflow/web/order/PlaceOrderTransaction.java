package com.tradeflow.web.order;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockDeduction;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A purchase as ONE Seata AT global transaction: stock (provider-inventory), money (provider-account) and the
 * order row (here). Any failure, in any participant, rolls all of them back through their undo logs.
 */
@Component
public class PlaceOrderTransaction {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrderTransaction.class);

    private final InventoryService inventory;
    private final WalletService wallets;
    private final OrderRepository orders;

    PlaceOrderTransaction(InventoryService inventory, WalletService wallets, OrderRepository orders) {
        this.inventory = inventory;
        this.wallets = wallets;
        this.orders = orders;
    }

    /** Public: Seata's scanner only proxies public methods, and a silent miss means no global transaction. */
    @GlobalTransactional(name = "place-order", timeoutMills = 30_000, rollbackFor = Exception.class)
    public Order run(long orderId, PlaceOrderRequest request, String idempotencyKey) {
        log.info("order {}: global transaction {}", orderId, RootContext.getXID());
        StockDeduction stock = inventory.deduct(orderId, request.skuId(), request.quantity());
        wallets.debit(orderId, request.userId(), stock.amount());
        Order order = Order.placed(orderId, request.userId(), request.skuId(), request.quantity(), stock.amount(),
                request.transactionMode());
        orders.insert(order, idempotencyKey, request.fingerprint());
        return order;
    }
}
