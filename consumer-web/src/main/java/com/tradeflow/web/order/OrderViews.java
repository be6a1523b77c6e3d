package com.tradeflow.web.order;

import com.tradeflow.web.transaction.GlobalTransactionStatus;
import java.util.Optional;
import org.apache.seata.core.model.GlobalStatus;
import org.springframework.stereotype.Component;

/**
 * An order as it stands now, with its last global transaction as it ended: one recorded while its phase two was
 * still going on (e.g. CommitRetrying) is looked up at the coordinator, and so is a placement whose commit the
 * coordinator never confirmed (recorded UnKnown): until the coordinator tells that it committed, the order shows
 * {@value OrderView#UNKNOWN}. What the coordinator tells is written back to the record.
 */
@Component
class OrderViews {

    private final OrderRepository orders;
    private final GlobalTransactionStatus statuses;

    OrderViews(OrderRepository orders, GlobalTransactionStatus statuses) {
        this.orders = orders;
        this.statuses = statuses;
    }

    OrderView current(Order order) {
        Optional<OrderTransaction> recorded = orders.lastTransaction(order);
        if (recorded.isEmpty()) {
            return OrderView.of(order, null);
        }
        OrderTransaction last = recorded.get();
        if (GlobalStatus.UnKnown.name().equals(last.status())) {
            // the rows are there as the branches wrote them: whether they stand is the coordinator's to say
            return statuses.afterUnconfirmedCommit(last.xid(), true)
                    .map(ended -> OrderView.of(order, ended(last, ended)))
                    .orElseGet(() -> OrderView.unconfirmed(order, last));
        }
        return OrderView.of(
                order,
                statuses.finalStatus(last.xid(), GlobalStatus.valueOf(last.status()))
                        .map(ended -> ended(last, ended))
                        .orElse(last));
    }

    private OrderTransaction ended(OrderTransaction tx, GlobalStatus status) {
        orders.updateTransactionStatus(tx, status.name());
        return new OrderTransaction(
                tx.xid(), tx.orderId(), tx.userId(), tx.action(), tx.mode(), status.name(), tx.finishedAt());
    }
}
