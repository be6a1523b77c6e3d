package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.security.Caller;
import com.tradeflow.web.security.CallerRateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Orders: place one, cancel one, read one, list a user's. Money in cents. */
@RestController
@Validated
class OrderController {

    private final PlaceOrderService placeOrder;
    private final CancelOrderService cancelOrder;
    private final OrderRepository orders;
    private final OrderViews views;
    private final CallerRateLimits limits;

    OrderController(
            PlaceOrderService placeOrder,
            CancelOrderService cancelOrder,
            OrderRepository orders,
            OrderViews views,
            CallerRateLimits limits) {
        this.placeOrder = placeOrder;
        this.cancelOrder = cancelOrder;
        this.orders = orders;
        this.views = views;
        this.limits = limits;
    }

    /**
     * {@code POST /api/orders {"skuId":3,"quantity":2,"mode":"AT"}} ({@code mode}: AT, TCC or XA, the Seata mode of
     * the purchase and of a later cancellation), bought by the caller (a {@code userId} in the body must be the
     * caller's: 403 {@code FORBIDDEN} otherwise; 429 {@code RATE_LIMITED} over the caller's own limit): 201 with the
     * order; with a repeated
     * {@code Idempotency-Key} (same user and body) 200 with the first order; 202 with the order in status
     * {@code UNKNOWN} when the coordinator did not confirm the global commit (it may commit or roll back: ask
     * {@code GET /api/orders/{id}}, or repeat the request with the same key, which answers 202 until it is known);
     * 400/404/409/422/503 with {@code {"code","message"}}.
     */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> place(
            Caller caller,
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 64) String key) {
        PlaceOrderRequest callers = request.forCaller(caller);
        limits.admit(CallerRateLimits.Act.ORDER_PLACEMENT, caller);
        PlaceOrderService.Placed placed = placeOrder.place(callers, key);
        HttpStatus status = switch (placed.answered()) {
            case CREATED -> HttpStatus.CREATED;
            case REPLAYED -> HttpStatus.OK;
            case UNCONFIRMED -> HttpStatus.ACCEPTED;
        };
        return ResponseEntity.status(status).body(placed.order());
    }

    /**
     * {@code POST /api/orders/{orderId}/cancel} (body optional; a {@code userId} in it must be the caller's): 200
     * with the order CANCELLED (stock and money given
     * back in one global transaction of the order's mode); the same answer for an order already cancelled; 404
     * for an unknown order or one of another user; 409 {@code ORDER_NOT_CANCELLABLE} while it is still being
     * placed or cancelled; 503 when a participant is down (nothing changed, try again).
     */
    @PostMapping("/api/orders/{orderId}/cancel")
    OrderView cancel(
            Caller caller,
            @PathVariable @Positive long orderId,
            @Valid @RequestBody(required = false) CancelOrderRequest request) {
        return cancelOrder.cancel(orderId, caller.actsFor(request == null ? null : request.userId()));
    }

    /**
     * {@code GET /api/orders/{orderId}}: 200 with the order and its last global transaction (XID, PLACE or
     * CANCEL, final status: one still in phase two, e.g. CommitRetrying, is looked up at the coordinator; status
     * {@code UNKNOWN} while the coordinator has not confirmed the commit that placed it), or 404 {@code NOT_FOUND}
     * (also for an order whose unconfirmed placement was rolled back, and for another user's order).
     */
    @GetMapping("/api/orders/{orderId}")
    OrderView get(Caller caller, @PathVariable @Positive long orderId) {
        // looked up among the caller's orders: one table, and another user's order is not found, as asked
        Order order = orders.find(orderId, caller.userId())
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no order " + orderId));
        return views.current(order);
    }

    /**
     * {@code GET /api/users/{userId}/orders}: the user's latest orders, newest first (at most 100), without
     * their transactions (read one order for those); 404 for another user.
     */
    @GetMapping("/api/users/{userId}/orders")
    List<OrderView> byUser(Caller caller, @PathVariable @Positive long userId) {
        caller.requireOwner(userId, "user " + userId);
        return orders.findByUser(userId).stream()
                .map(order -> OrderView.of(order, null))
                .toList();
    }
}
