package com.tradeflow.web.order;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.events.OrderEventPublisher;
import com.tradeflow.web.transaction.GlobalTransactions;
import org.springframework.stereotype.Component;

/**
 * A cancellation as ONE Seata global transaction in the order's mode: the order row first (it guards against a
 * second cancellation running at the same time), then the stock goes back and the money is refunded.
 */
@Component
class CancelOrderTransaction {

    /** Test-only: hold the cancellation after every branch ran, before the global commit (inspect, kill ...). */
    static final String FAULT_HOLD_BEFORE_COMMIT = "order.cancel.before-commit";
    /** Test-only: fail the cancellation after every branch ran (and after any hold): the global rollback follows. */
    static final String FAULT_FAIL_BEFORE_COMMIT = "order.cancel.fail-before-commit";

    private final GlobalTransactions transactions;
    private final InventoryService inventory;
    private final WalletService wallets;
    private final OrderRepository orders;
    private final OrderCancellationAction cancellation;
    private final OrderEventPublisher events;
    private final FaultSwitches faults;

    CancelOrderTransaction(
            GlobalTransactions transactions,
            InventoryService inventory,
            WalletService wallets,
            OrderRepository orders,
            OrderCancellationAction cancellation,
            OrderEventPublisher events,
            FaultSwitches faults) {
        this.transactions = transactions;
        this.inventory = inventory;
        this.wallets = wallets;
        this.orders = orders;
        this.cancellation = cancellation;
        this.events = events;
        this.faults = faults;
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
            faults.holdWhileArmed(FAULT_HOLD_BEFORE_COMMIT);
            faults.fireIfArmed(FAULT_FAIL_BEFORE_COMMIT);
            return null;
        });
    }
}
