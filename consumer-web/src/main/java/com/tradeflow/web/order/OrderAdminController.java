package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import jakarta.validation.constraints.Positive;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Operators' view of orders (admin bearer token required, see {@code WebSecurity}). */
@RestController
@Validated
class OrderAdminController {

    private final OrderRepository orders;

    OrderAdminController(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * {@code GET /api/admin/orders/{orderId}/transactions}: every global transaction run for the order (placing,
     * each cancellation attempt) with its XID, mode and status as the launcher saw it end, newest first; 404
     * for an unknown order.
     */
    @GetMapping("/api/admin/orders/{orderId}/transactions")
    List<TransactionView> transactions(@PathVariable @Positive long orderId) {
        Order order = orders.find(orderId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no order " + orderId));
        return orders.transactions(orderId, order.userId()).stream().map(tx -> new TransactionView(tx.xid(),
                tx.action(), tx.mode(), tx.status(), tx.finishedAt())).toList();
    }

    /** One global transaction of the order. */
    record TransactionView(String xid, String action, TransactionMode mode, String status, Instant finishedAt) {
    }
}
