package com.tradeflow.web.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/orders/{orderId}/cancel}: who asks (only the order's owner may cancel it). */
record CancelOrderRequest(@NotNull @Positive Long userId) {
}
