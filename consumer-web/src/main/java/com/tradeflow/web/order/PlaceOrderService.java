package com.tradeflow.web.order;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockDeduction;
import com.tradeflow.platform.datasource.ShardScope;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.events.OrderEventPublisher;
import com.tradeflow.web.order.PurchaseSteps.Step;
import com.tradeflow.web.outbox.OutboxStatus;
import com.tradeflow.web.product.StockChanges;
import com.tradeflow.web.system.IdGenerator;
import com.tradeflow.web.transaction.GlobalTransactions;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Places an order. What a purchase does, in order, is {@link #place(PlaceOrderRequest, String, Long)}:
 * <ol>
 *   <li>the mode (AT, TCC, XA; LOCAL in benchmarks) is read from the request, once;</li>
 *   <li>an Idempotency-Key used before answers the order it first created and charges nothing (with another body it
 *       is refused);</li>
 *   <li>the sku's rate limit (Sentinel hot parameter, {@link HotSkuGuard});</li>
 *   <li>the product cache's write fence around everything that changes the sku's stock ({@link StockChanges});</li>
 *   <li>ONE Seata global transaction in the mode, with its participants in order: stock (provider-inventory), money
 *       (provider-account), the order row with its Idempotency-Key and OrderPlaced event (here). Any failure rolls all of
 *       them back;</li>
 *   <li>the global commit, wrapped by the event publisher ({@link OrderEventPublisher});</li>
 *   <li>the transaction's outcome recorded with the order, and the answer. A commit the coordinator did not
 *       confirm (unreachable at that moment) is neither a success nor a failure: the answer says UNKNOWN, and so do
 *       repeats of the request until the coordinator tells how it ended.</li>
 * </ol>
 * The key's record is inserted in the purchase's own global transaction (unique per user, insert-first), so two
 * concurrent requests with one key cannot both charge: the second fails on the key, rolls back, and answers the
 * first one's order. Each step is timed ({@link PurchaseSteps}).
 */
@Service
public class PlaceOrderService {

    /** Test-only: hold the purchase after every branch ran, before the global commit (inspect, kill ...). */
    static final String FAULT_HOLD_BEFORE_COMMIT = "order.place.before-commit";
    /** Test-only: fail the purchase after every branch ran (and after any hold): the global rollback follows. */
    static final String FAULT_FAIL_BEFORE_COMMIT = "order.place.fail-before-commit";

    private static final String TRANSACTION_NAME = "place-order";

    private final GlobalTransactions transactions;
    private final InventoryService inventory;
    private final WalletService wallets;
    private final OrderRepository orders;
    private final OrderPlacementAction tccPlacement;
    private final OrderEventPublisher events;
    private final IdGenerator ids;
    private final HotSkuGuard hotSkus;
    private final StockChanges stockChanges;
    private final PurchaseSteps steps;
    private final FaultSwitches faults;
    private final OrderViews views;
    private final DecidedOrders decided;
    private final boolean localModeEnabled;

    PlaceOrderService(
            GlobalTransactions transactions,
            InventoryService inventory,
            WalletService wallets,
            OrderRepository orders,
            OrderPlacementAction tccPlacement,
            OrderEventPublisher events,
            IdGenerator ids,
            HotSkuGuard hotSkus,
            StockChanges stockChanges,
            PurchaseSteps steps,
            FaultSwitches faults,
            OrderViews views,
            DecidedOrders decided,
            @Value("${tradeflow.benchmark.local-mode:false}") boolean localModeEnabled) {
        this.transactions = transactions;
        this.inventory = inventory;
        this.wallets = wallets;
        this.orders = orders;
        this.tccPlacement = tccPlacement;
        this.events = events;
        this.ids = ids;
        this.hotSkus = hotSkus;
        this.stockChanges = stockChanges;
        this.steps = steps;
        this.faults = faults;
        this.views = views;
        this.decided = decided;
        this.localModeEnabled = localModeEnabled;
    }

    /** How a request was answered. */
    enum Answered {
        /** the order was placed now */
        CREATED,
        /** a repeated key: the order it placed before */
        REPLAYED,
        /** the global commit was not confirmed (now or for the request this one repeats): the order may not stand */
        UNCONFIRMED
    }

    /** The outcome: the order as stored (or as it will stand if its commit went through), and how. */
    record Placed(OrderView order, Answered answered) {}

    Placed place(PlaceOrderRequest request, String idempotencyKey) {
        return place(request, idempotencyKey, null);
    }

    /**
     * An order at a price of its own (a flash sale's), not the product's: for the flash-sale tickets, each placed
     * once under its own Idempotency-Key (a repeat answers the order placed before).
     *
     * @return the order's id
     * @throws BusinessException as {@code POST /api/orders} answers it
     */
    public long placeAtPrice(
            long userId, long skuId, int quantity, TransactionMode mode, long unitPrice, String idempotencyKey) {
        Placed placed = place(new PlaceOrderRequest(userId, skuId, quantity, mode.name()), idempotencyKey, unitPrice);
        if (placed.answered() == Answered.UNCONFIRMED) {
            // the caller retries with the same key until the coordinator tells how it ended
            throw new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "the commit of order " + placed.order().orderId()
                            + " was not confirmed by the transaction coordinator yet");
        }
        return Long.parseLong(placed.order().orderId());
    }

    /**
     * Everything a purchase reads and writes here lives in the user's database: bound to the user, its statements
     * go straight there instead of through ShardingSphere.
     */
    private Placed place(PlaceOrderRequest request, String idempotencyKey, Long unitPrice) {
        return ShardScope.call(request.userId(), () -> placeForUser(request, idempotencyKey, unitPrice));
    }

    /** @param unitPrice what one unit costs in this order (a flash sale's price); null: the product's price */
    private Placed placeForUser(PlaceOrderRequest request, String idempotencyKey, Long unitPrice) {
        TransactionMode mode = modeOf(request);
        if (idempotencyKey != null) {
            Optional<Placed> earlier = steps.time(Step.REPLAY, mode, () -> replay(idempotencyKey, request));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long orderId = ids.next();
        GlobalTransactions.Outcome<Order> outcome = hotSkus.guard(
                request.skuId(),
                () -> stockChanges.around(
                        request.skuId(),
                        () -> inGlobalTransaction(
                                mode, () -> participants(orderId, request, mode, idempotencyKey, unitPrice))));
        if (outcome.committed()) {
            return new Placed(answer(orderId, request, mode, outcome), Answered.CREATED);
        }
        if (outcome.commitUnconfirmed()) {
            return unconfirmed(outcome);
        }
        if (idempotencyKey == null) {
            throw outcome.failure();
        }
        // A concurrent request with the same key may have won (ours then failed on the key, or on the locks of
        // the same stock and wallet) and ours was rolled back entirely: answer the winner's order.
        return replay(idempotencyKey, request).orElseThrow(outcome::failure);
    }

    private TransactionMode modeOf(PlaceOrderRequest request) {
        TransactionMode mode = request.transactionMode();
        if (mode == TransactionMode.LOCAL && !localModeEnabled) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "mode must be one of AT, TCC, XA");
        }
        return mode;
    }

    /** LOCAL (benchmarks only) runs the same participants with no global transaction: each commits on its own. */
    private GlobalTransactions.Outcome<Order> inGlobalTransaction(TransactionMode mode, Supplier<Order> work) {
        if (mode == TransactionMode.LOCAL) {
            return GlobalTransactions.Outcome.withoutGlobalTransaction(work.get());
        }
        return transactions.run(TRANSACTION_NAME, mode.branchType(), work);
    }

    /**
     * Inside the global transaction, in order. AT: each participant commits locally with undo logs; XA: each
     * participant's XA branch is prepared, and committed by the coordinator; TCC: each participant tries (reserve,
     * freeze, pending order) and the coordinator confirms.
     */
    private Order participants(
            long orderId, PlaceOrderRequest request, TransactionMode mode, String idempotencyKey, Long unitPrice) {
        StockDeduction stock =
                steps.time(Step.STOCK, mode, () -> inventory.deduct(orderId, request.skuId(), request.quantity()));
        long amount = unitPrice == null ? stock.amount() : Math.multiplyExact(unitPrice, (long) request.quantity());
        steps.time(Step.MONEY, mode, () -> wallets.debit(orderId, request.userId(), amount));
        Order order = Order.create(
                orderId, request.userId(), request.skuId(), request.quantity(), amount, mode, RootContext.getXID());
        steps.time(Step.ORDER, mode, () -> writeOrder(order, mode, idempotencyKey, request.fingerprint()));
        faults.holdWhileArmed(FAULT_HOLD_BEFORE_COMMIT);
        faults.fireIfArmed(FAULT_FAIL_BEFORE_COMMIT);
        return order;
    }

    /** The order row (with its key) and its OrderPlaced event, in one local transaction of the user's database. */
    private void writeOrder(Order order, TransactionMode mode, String idempotencyKey, String fingerprint) {
        OrderEvent placed = order.newEvent(OrderEvent.PLACED);
        if (mode == TransactionMode.LOCAL) {
            // no global transaction to attach a transactional message to: the relay sends the row
            orders.insert(order, idempotencyKey, fingerprint, placed, OutboxStatus.PENDING);
            return;
        }
        events.announce(placed);
        if (mode == TransactionMode.TCC) {
            // PENDING now; its confirm makes it PLACED and writes the event (none exists before the global commit)
            tccPlacement.place(
                    null,
                    order.orderId(),
                    order.userId(),
                    placed.eventId(),
                    events.rowStatus().name(),
                    order,
                    idempotencyKey,
                    fingerprint);
        } else {
            orders.insert(order, idempotencyKey, fingerprint, placed, events.rowStatus());
        }
    }

    /**
     * Answers the order as it now stands. A placement that committed is recorded by its order row (written with
     * the xid in the transaction); one still in phase two (a TCC confirm retried) is recorded with its status, for
     * reads to ask the coordinator how it ended.
     */
    private OrderView answer(
            long orderId, PlaceOrderRequest request, TransactionMode mode, GlobalTransactions.Outcome<Order> outcome) {
        OrderTransaction recorded = null;
        if (outcome.xid() != null) {
            OrderTransaction tx =
                    OrderTransaction.placement(outcome.xid(), orderId, request.userId(), mode, outcome.status());
            if (outcome.status() != GlobalStatus.Committed) {
                steps.time(Step.RECORD, mode, () -> orders.recordTransaction(tx));
            }
            recorded = tx;
        }
        Order placed = outcome.result();
        if (placed.status() == OrderStatus.PLACED || outcome.status() == GlobalStatus.Committed) {
            // decided: the rows are as written (TCC: confirmed, hence PLACED); no need to read them back
            return OrderView.of(placed.withStatus(OrderStatus.PLACED), recorded);
        }
        // TCC with phase two still retried by the coordinator: the row says whether it was confirmed yet
        return views.current(orders.find(orderId, request.userId()).orElse(placed));
    }

    /**
     * The commit was sent and not confirmed: recorded as UnKnown with the order (outside the global transaction, so
     * the record outlives a rollback), and answered UNKNOWN with the order as it stands if the commit went through.
     */
    private Placed unconfirmed(GlobalTransactions.Outcome<Order> outcome) {
        Order order = outcome.result();
        OrderTransaction tx = OrderTransaction.placement(
                outcome.xid(), order.orderId(), order.userId(), order.mode(), GlobalStatus.UnKnown);
        orders.recordTransaction(tx);
        return new Placed(OrderView.unconfirmed(order, tx), Answered.UNCONFIRMED);
    }

    /**
     * The order an Idempotency-Key placed before. One whose placement is recorded as not confirmed answers so
     * (UNKNOWN). One that reads as placed is answered as the coordinator decided it ({@link DecidedOrders}): a
     * placement still undecided (the first request still running, or its web instance died before the global
     * commit) answers 409 until it is decided; one rolled back meanwhile (its row and key gone) is no earlier
     * request at all.
     */
    private Optional<Placed> replay(String idempotencyKey, PlaceOrderRequest request) {
        return orders.findRequest(request.userId(), idempotencyKey).flatMap(stored -> {
            if (!stored.fingerprint().equals(request.fingerprint())) {
                throw new BusinessException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key was already used with a different request");
            }
            return orders.find(stored.orderId(), request.userId()).flatMap(order -> {
                OrderView now = views.current(order);
                if (now.placementUnconfirmed()) {
                    return Optional.of(new Placed(now, Answered.UNCONFIRMED));
                }
                return decided.decided(order)
                        .map(placed ->
                                new Placed(placed.equals(order) ? now : views.current(placed), Answered.REPLAYED));
            });
        });
    }
}
