package com.tradeflow.web.order;

import com.tradeflow.platform.transaction.AtLockGuard;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order read as its global transactions decided it, for answers that say what happened (a cancellation done, a
 * repeated purchase placed). An AT branch commits locally in phase one, so a plain read can see what a global
 * transaction still undecided wrote: the CANCELLED of a cancellation whose web instance died before the global
 * commit, which the coordinator then rolls back on its timeout. Such a row is read under its local row lock and
 * answered only when no AT global lock holds it (Seata's "global lock" read: the lock outlives phase two, and the
 * row lock keeps a rollback from restoring the row meanwhile); while one holds it the read is refused with
 * {@code CONCURRENT_UPDATE}, to be retried. TCC and XA orders are read plainly: their rows change only when the
 * coordinator has decided (a TCC confirm, an XA commit).
 */
@Component
class DecidedOrders {

    private final OrderRepository orders;
    private final AtLockGuard locks;
    private final TransactionTemplate transactions;

    DecidedOrders(OrderRepository orders, AtLockGuard locks, TransactionTemplate transactions) {
        this.orders = orders;
        this.locks = locks;
        this.transactions = transactions;
    }

    /**
     * The order {@code read} plainly, as decided: itself unless it is an AT order, read again then.
     *
     * @return empty when the order is gone since (a placement rolled back)
     * @throws com.tradeflow.api.error.BusinessException CONCURRENT_UPDATE while a global transaction that changed
     *     the order is undecided, DEPENDENCY_UNAVAILABLE when the coordinator cannot be asked
     */
    Optional<Order> decided(Order read) {
        if (read.mode() != TransactionMode.AT) {
            return Optional.of(read);
        }
        long orderId = read.orderId();
        long userId = read.userId();
        return transactions.execute(status -> {
            Optional<Order> locked = orders.findLocked(orderId, userId);
            if (locked.isPresent()) {
                locks.requireNoAtLockOutsideGlobalTransaction(userId, OrderTable.physical(userId), orderId);
            }
            return locked;
        });
    }
}
