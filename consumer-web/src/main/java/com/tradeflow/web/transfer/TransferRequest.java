package com.tradeflow.web.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code {"toUserId":2,"amount":2500}}: cents to move from the caller's wallet to another; {@code fromUserId} may be
 * given, and must then be the caller.
 */
public record TransferRequest(
        @Positive Long fromUserId,
        @NotNull @Positive Long toUserId,
        @NotNull @Positive Long amount) {}
