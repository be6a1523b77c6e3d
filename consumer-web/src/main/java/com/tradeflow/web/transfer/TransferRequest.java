package com.tradeflow.web.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code {"fromUserId":1,"toUserId":2,"amount":2500}}: cents to move from one wallet to another. */
public record TransferRequest(@NotNull @Positive Long fromUserId, @NotNull @Positive Long toUserId,
                              @NotNull @Positive Long amount) {
}
