package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.product.StockChanges;
import com.tradeflow.web.system.IdGenerator;
import com.tradeflow.web.transaction.GlobalTransactions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/**
 * Places an order, honouring an optional Idempotency-Key: the same key with the same body answers the order it
 * first created and charges nothing; with another body it is refused. The key's record is inserted in the
 * purchase's own global transaction (unique per user, insert-first), so two concurrent requests with one key
 * cannot both charge: the second fails on the key, rolls back, and answers the first one's order.
 */
@Service
public class PlaceOrderService {

    private final PlaceOrderTransaction transaction;
    private final OrderRepository orders;
    private final IdGenerator ids;
    private final HotSkuGuard hotSkus;
    private final StockChanges stockChanges;
    private final boolean localModeEnabled;

    PlaceOrderService(PlaceOrderTransaction transaction, OrderRepository orders, IdGenerator ids, HotSkuGuard hotSkus,
            StockChanges stockChanges, @Value("${tradeflow.benchmark.local-mode:false}") boolean localModeEnabled) {
        this.transaction = transaction;
        this.orders = orders;
        this.ids = ids;
        this.hotSkus = hotSkus;
        this.stockChanges = stockChanges;
        this.localModeEnabled = localModeEnabled;
    }

    /** The outcome: the order as stored, and whether it was created now or replayed for a repeated key. */
    record Placed(OrderView order, boolean replayed) {
    }

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
    public long placeAtPrice(long userId, long skuId, int quantity, TransactionMode mode, long unitPrice,
            String idempotencyKey) {
        return Long.parseLong(place(new PlaceOrderRequest(userId, skuId, quantity, mode.name()), idempotencyKey,
                unitPrice).order().orderId());
    }

    private Placed place(PlaceOrderRequest request, String idempotencyKey, Long unitPrice) {
        if (request.transactionMode() == TransactionMode.LOCAL && !localModeEnabled) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "mode must be one of AT, TCC, XA");
        }
        if (idempotencyKey != null) {
            Optional<Placed> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long orderId = ids.next();
        GlobalTransactions.Outcome<Order> outcome = hotSkus.guard(request.skuId(), () -> stockChanges.around(
                request.skuId(), () -> transaction.run(orderId, request, idempotencyKey, unitPrice)));
        if (outcome.committed()) {
            if (outcome.xid() != null) {
                orders.recordTransaction(new OrderTransaction(outcome.xid(), orderId, request.userId(), "PLACE",
                        request.transactionMode(), outcome.status().name(), Instant.now()));
            }
            // read back: in TCC the row is PLACED only once the coordinator confirmed it
            return new Placed(view(orders.find(orderId, request.userId()).orElse(outcome.result())), false);
        }
        if (idempotencyKey == null) {
            throw outcome.failure();
        }
        // A concurrent request with the same key may have won (ours then failed on the key, or on the locks of
        // the same stock and wallet) and ours was rolled back entirely: answer the winner's order.
        return replay(idempotencyKey, request).orElseThrow(outcome::failure);
    }

    private Optional<Placed> replay(String idempotencyKey, PlaceOrderRequest request) {
        return orders.findRequest(request.userId(), idempotencyKey).map(stored -> {
            if (!stored.fingerprint().equals(request.fingerprint())) {
                throw new BusinessException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key was already used with a different request");
            }
            Order order = orders.find(stored.orderId(), request.userId()).orElseThrow(() ->
                    new IllegalStateException("Idempotency-Key " + idempotencyKey + " points at missing order "
                            + stored.orderId()));
            return new Placed(view(order), true);
        });
    }

    private OrderView view(Order order) {
        return OrderView.of(order, orders.lastTransaction(order.orderId(), order.userId()).orElse(null));
    }
}
