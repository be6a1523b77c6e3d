package com.tradeflow.web.order;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockDeduction;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.events.OrderEventPublisher;
import com.tradeflow.web.outbox.OutboxStatus;
import com.tradeflow.web.transaction.GlobalTransactions;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A purchase as ONE Seata global transaction in the order's mode: stock (provider-inventory), money
 * (provider-account) and the order row (here). AT: each participant commits locally with undo logs; XA: each
 * participant's XA branch is prepared and committed by the coordinator; TCC: each participant tries (reserve,
 * freeze, pending order) and the coordinator confirms. Any failure rolls all of them back. LOCAL (benchmarks
 * only) runs the same steps with no global transaction.
 */
@Component
class PlaceOrderTransaction {

    /** Test-only: hold the purchase after every branch ran, before the global commit (inspect, kill ...). */
    static final String FAULT_HOLD_BEFORE_COMMIT = "order.place.before-commit";
    /** Test-only: fail the purchase after every branch ran (and after any hold): the global rollback follows. */
    static final String FAULT_FAIL_BEFORE_COMMIT = "order.place.fail-before-commit";
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

    private final GlobalTransactions transactions;
    private final InventoryService inventory;
    private final WalletService wallets;
    private final OrderRepository orders;
    private final OrderPlacementAction placement;
    private final FaultSwitches faults;
    private final OrderEventPublisher events;

    PlaceOrderTransaction(GlobalTransactions transactions, InventoryService inventory, WalletService wallets,
            OrderRepository orders, OrderPlacementAction placement, FaultSwitches faults, OrderEventPublisher events) {
        this.transactions = transactions;
        this.inventory = inventory;
        this.wallets = wallets;
        this.orders = orders;
        this.placement = placement;
        this.faults = faults;
        this.events = events;
    }

    /** @param unitPrice what one unit costs in this order (a flash sale's price); null: the product's price */
    GlobalTransactions.Outcome<Order> run(long orderId, PlaceOrderRequest request, String idempotencyKey,
            Long unitPrice) {
        TransactionMode mode = request.transactionMode();
        if (mode == TransactionMode.LOCAL) {
            return GlobalTransactions.Outcome.withoutGlobalTransaction(purchase(orderId, request, idempotencyKey,
                    unitPrice));
        }
        return transactions.run("place-order", mode.branchType(),
                () -> purchase(orderId, request, idempotencyKey, unitPrice));
    }

    private Order purchase(long orderId, PlaceOrderRequest request, String idempotencyKey, Long unitPrice) {
        TransactionMode mode = request.transactionMode();
        StockDeduction stock = inventory.deduct(orderId, request.skuId(), request.quantity());
        long amount = unitPrice == null ? stock.amount() : Math.multiplyExact(unitPrice, (long) request.quantity());
        wallets.debit(orderId, request.userId(), amount);
        Order order = Order.create(orderId, request.userId(), request.skuId(), request.quantity(), amount, mode);
        OrderEvent placed = order.newEvent(OrderEvent.PLACED);
        // LOCAL (benchmarks): no global transaction to attach a transactional message to; the relay sends it
        OutboxStatus eventStatus = mode == TransactionMode.LOCAL ? OutboxStatus.PENDING : events.rowStatus();
        if (mode != TransactionMode.LOCAL) {
            events.announce(placed);
        }
        if (mode == TransactionMode.TCC) {
            placement.place(null, orderId, request.userId(), placed.eventId(), eventStatus.name(), order,
                    idempotencyKey, request.fingerprint());
        } else {
            orders.insert(order, idempotencyKey, request.fingerprint(), placed, eventStatus);
        }
        faults.holdWhileArmed(FAULT_HOLD_BEFORE_COMMIT, HOLD_LIMIT);
        faults.fireIfArmed(FAULT_FAIL_BEFORE_COMMIT);
        return order;
    }
}
