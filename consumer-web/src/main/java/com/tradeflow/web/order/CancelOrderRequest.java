package com.tradeflow.web.order;

import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/orders/{orderId}/cancel}, optional: who asks, which must be the caller (only the order's
 * owner may cancel it).
 */
record CancelOrderRequest(@Positive Long userId) {}
