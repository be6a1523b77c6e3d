package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of orders (admin bearer token required, see {@code WebSecurity}). */
@RestController
@Validated
class OrderAdminController {

    private final OrderRepository orders;
    private final OrderInspection inspection;

    OrderAdminController(OrderRepository orders, OrderInspection inspection) {
        this.orders = orders;
        this.inspection = inspection;
    }

    /**
     * {@code GET /api/admin/orders/{orderId}}: the order, its global transactions (newest first), its events in the
     * outbox (in write order, with whether they reached the broker) and the id of the trace of the request that
     * placed it ({@code traceId}, null when it was not traced); 404 for an unknown order.
     */
    @GetMapping("/api/admin/orders/{orderId}")
    DetailsView order(@PathVariable @Positive long orderId) {
        OrderInspection.Details details = inspection.find(orderId);
        Order order = details.order();
        return new DetailsView(
                String.valueOf(order.orderId()),
                order.userId(),
                order.skuId(),
                order.quantity(),
                order.amount(),
                order.status(),
                order.mode(),
                order.createdAt(),
                details.traceId(),
                details.transactions().stream().map(OrderAdminController::view).toList(),
                details.events().stream()
                        .map(event -> new EventView(
                                event.eventId(),
                                event.eventType(),
                                event.status().name(),
                                event.attempts(),
                                event.createdAt(),
                                event.sentAt()))
                        .toList());
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
        return orders.transactions(order).stream()
                .map(OrderAdminController::view)
                .toList();
    }

    private static TransactionView view(OrderTransaction tx) {
        return new TransactionView(tx.xid(), tx.action(), tx.mode(), tx.status(), tx.finishedAt());
    }

    /** An order as operators see it; the id is a string (snowflake ids exceed what JSON numbers hold safely). */
    record DetailsView(
            String orderId,
            long userId,
            long skuId,
            int quantity,
            long amount,
            OrderStatus status,
            TransactionMode mode,
            Instant createdAt,
            String traceId,
            List<TransactionView> transactions,
            List<EventView> events) {}

    /** One of the order's events: SENT once the broker has it. */
    record EventView(String eventId, String type, String status, int attempts, Instant createdAt, Instant sentAt) {}

    /** One global transaction of the order. */
    record TransactionView(String xid, String action, TransactionMode mode, String status, Instant finishedAt) {}
}
