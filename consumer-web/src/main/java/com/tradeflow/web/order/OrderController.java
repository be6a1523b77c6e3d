package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Orders: place one, read one, list a user's. Money in cents. */
@RestController
@Validated
class OrderController {

    private final PlaceOrderService placeOrder;
    private final OrderRepository orders;

    OrderController(PlaceOrderService placeOrder, OrderRepository orders) {
        this.placeOrder = placeOrder;
        this.orders = orders;
    }

    /**
     * {@code POST /api/orders {"userId":1,"skuId":3,"quantity":2,"mode":"AT"}}: 201 with the order; with a
     * repeated {@code Idempotency-Key} (same body) 200 with the first order; 400/404/409/422/503 with
     * {@code {"code","message"}}.
     */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 64) String key) {
        PlaceOrderService.Placed placed = placeOrder.place(request, key);
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(OrderView.of(placed.order()));
    }

    /** {@code GET /api/orders/{orderId}}: 200, or 404 {@code NOT_FOUND}. */
    @GetMapping("/api/orders/{orderId}")
    OrderView get(@PathVariable @Positive long orderId) {
        return orders.find(orderId).map(OrderView::of)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no order " + orderId));
    }

    /** {@code GET /api/users/{userId}/orders}: the user's latest orders, newest first (at most 100). */
    @GetMapping("/api/users/{userId}/orders")
    List<OrderView> byUser(@PathVariable @Positive long userId) {
        return orders.findByUser(userId).stream().map(OrderView::of).toList();
    }
}
