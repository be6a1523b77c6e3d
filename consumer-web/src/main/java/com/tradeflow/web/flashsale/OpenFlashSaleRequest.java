package com.tradeflow.web.flashsale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** Body of {@code POST /api/flash-sales}. Money in cents. */
record OpenFlashSaleRequest(
        @NotNull @Positive Long skuId,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
        @NotNull @Min(1) @Max(MAX_PRICE) Long price,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull @Min(1) @Max(MAX_PER_USER) Integer perUserLimit) {

    /** A sale bigger than this is a typo, not a sale. */
    static final int MAX_QUANTITY = 100_000;

    static final long MAX_PRICE = 100_000_000;
    static final int MAX_PER_USER = 100;

    @AssertTrue(message = "endsAt must be after startsAt")
    boolean isWindowOrdered() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }
}
