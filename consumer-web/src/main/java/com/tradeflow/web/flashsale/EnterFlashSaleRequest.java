package com.tradeflow.web.flashsale;

import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/flash-sales/{saleId}/orders}, optional: who buys, which must be the caller. */
record EnterFlashSaleRequest(@Positive Long userId) {}
