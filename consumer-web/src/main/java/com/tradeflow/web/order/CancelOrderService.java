package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.product.StockChanges;
import com.tradeflow.web.transaction.GlobalTransactions;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Cancels a PLACED order of the user: stock back, money back, order CANCELLED, in one global transaction of the
 * order's mode. Cancelling a cancelled order answers it again without running anything; someone else's order is
 * not found. A cancellation that fails is rolled back (the order stays PLACED) and may be retried. An order whose
 * placement the coordinator has not confirmed yet cannot be cancelled: it may not stand. What the answer says the
 * order is was decided by the coordinator ({@link DecidedOrders}): a cancellation still undecided, run by another
 * request or by a web instance that died, is answered 409 until the coordinator commits or rolls it back.
 */
@Service
class CancelOrderService {

    private final CancelOrderTransaction transaction;
    private final OrderRepository orders;
    private final DecidedOrders decided;
    private final StockChanges stockChanges;
    private final OrderViews views;

    CancelOrderService(
            CancelOrderTransaction transaction,
            OrderRepository orders,
            DecidedOrders decided,
            StockChanges stockChanges,
            OrderViews views) {
        this.transaction = transaction;
        this.orders = orders;
        this.decided = decided;
        this.stockChanges = stockChanges;
        this.views = views;
    }

    OrderView cancel(long orderId, long userId) {
        Order order = orders.find(orderId, userId).orElseThrow(() -> notFound(orderId, userId));
        if (order.status() == OrderStatus.CANCELLED) {
            return cancelledAsDecided(
                    order,
                    () -> new BusinessException(
                            ErrorCode.CONCURRENT_UPDATE,
                            "a cancellation of order " + orderId + " was rolled back as it was read; try again"));
        }
        if (order.mode() == TransactionMode.LOCAL) {
            throw new BusinessException(
                    ErrorCode.ORDER_NOT_CANCELLABLE,
                    "order " + orderId
                            + " was placed by a benchmark without a global transaction; it cannot be cancelled");
        }
        if (!order.status().cancellable()) {
            throw new BusinessException(
                    ErrorCode.ORDER_NOT_CANCELLABLE,
                    "order " + orderId + " is " + order.status() + "; only PLACED orders can be cancelled");
        }
        if (views.current(order).placementUnconfirmed()) {
            throw new BusinessException(
                    ErrorCode.ORDER_NOT_CANCELLABLE,
                    "the transaction coordinator has not " + "confirmed that order " + orderId
                            + " was placed; ask again later");
        }
        GlobalTransactions.Outcome<Void> outcome = stockChanges.around(order.skuId(), () -> transaction.run(order));
        orders.recordTransaction(new OrderTransaction(
                outcome.xid(),
                orderId,
                userId,
                OrderTransaction.CANCEL,
                order.mode(),
                outcome.status().name(),
                Instant.now()));
        Order after = orders.find(orderId, userId).orElseThrow();
        if (outcome.committed()) {
            return views.current(after);
        }
        if (after.status() != OrderStatus.CANCELLED) {
            throw outcome.failure();
        }
        // ours failed and was rolled back, and another cancellation changed the order: answered once decided
        return cancelledAsDecided(after, outcome::failure);
    }

    /**
     * A cancellation read as done, answered once the coordinator decided it ({@link DecidedOrders}: 409 while
     * undecided).
     *
     * @param otherwise what is thrown when it turns out rolled back
     */
    private OrderView cancelledAsDecided(Order read, Supplier<RuntimeException> otherwise) {
        Order decidedOrder = decided.decided(read)
                .filter(order -> order.status() == OrderStatus.CANCELLED)
                .orElseThrow(otherwise);
        return views.current(decidedOrder);
    }

    private static BusinessException notFound(long orderId, long userId) {
        return new BusinessException(ErrorCode.NOT_FOUND, "no order " + orderId + " of user " + userId);
    }
}
