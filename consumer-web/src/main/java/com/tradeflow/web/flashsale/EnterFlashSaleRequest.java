package com.tradeflow.web.flashsale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/flash-sales/{saleId}/orders}. */
record EnterFlashSaleRequest(@NotNull @Positive Long userId) {
}
