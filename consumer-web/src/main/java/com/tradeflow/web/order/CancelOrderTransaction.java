package com.tradeflow.web.order;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.web.events.OrderEventPublisher;
import com.tradeflow.web.transaction.GlobalTransactions;
import org.springframework.stereotype.Component;

/**
 * A cancellation as ONE Seata global transaction in the order's mode: the order row first (it guards against a
 * second cancellation running at the same time), then the stock goes back and the money is refunded.
 */
@Component
class CancelOrderTransaction {

    private final GlobalTransactions transactions;
    private final InventoryService inventory;
    private final WalletService wallets;
    private final OrderRepository orders;
    private final OrderCancellationAction cancellation;
    private final OrderEventPublisher events;

    CancelOrderTransaction(
            GlobalTransactions transactions,
            InventoryService inventory,
            WalletService wallets,
            OrderRepository orders,
            OrderCancellationAction cancellation,
            OrderEventPublisher events) {
        this.transactions = transactions;
        this.inventory = inventory;
        this.wallets = wallets;
        this.orders = orders;
        this.cancellation = cancellation;
        this.events = events;
    }

    GlobalTransactions.Outcome<Void> run(Order order) {
        return transactions.run("cancel-order", order.mode().branchType(), () -> {
            OrderEvent cancelled = order.newEvent(OrderEvent.CANCELLED);
            events.announce(cancelled);
            if (order.mode() == TransactionMode.TCC) {
                cancellation.begin(
                        null,
                        order.orderId(),
                        order.userId(),
                        cancelled.eventId(),
                        events.rowStatus().name());
            } else {
                orders.markCancelled(order.orderId(), order.userId(), cancelled, events.rowStatus());
            }
            inventory.restock(order.orderId(), order.skuId(), order.quantity());
            wallets.refund(order.orderId(), order.userId(), order.amount());
            return null;
        });
    }
}
