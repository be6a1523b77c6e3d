package com.tradeflow.web.topup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code {"amount":5000}}: cents to add to the wallet; the upper limit is {@code tradeflow.top-ups.max-amount}. */
public record TopUpRequest(@NotNull @Positive Long amount) {}
