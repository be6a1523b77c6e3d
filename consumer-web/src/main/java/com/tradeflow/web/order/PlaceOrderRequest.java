package com.tradeflow.web.order;

import com.tradeflow.web.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Body of {@code POST /api/orders}. {@code userId} may be left out: the purchase is the caller's (the token's subject);
 * when given it must be the caller.
 */
record PlaceOrderRequest(
        @Positive Long userId,
        @NotNull @Positive Long skuId,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,

        @NotNull @Pattern(regexp = "AT|TCC|XA|LOCAL", message = "must be one of AT, TCC, XA")
        String mode) {

    /** More than this in one order is a typo or an attack, not a purchase. */
    static final int MAX_QUANTITY = 1000;

    /**
     * The request as the caller's.
     *
     * @throws com.tradeflow.api.error.BusinessException {@code FORBIDDEN} when the body names another user
     */
    PlaceOrderRequest forCaller(Caller caller) {
        return new PlaceOrderRequest(caller.actsFor(userId), skuId, quantity, mode);
    }

    TransactionMode transactionMode() {
        return TransactionMode.valueOf(mode);
    }

    /** What "the same body" means for an Idempotency-Key: a digest of the fields that define the purchase. */
    String fingerprint() {
        String canonical = userId + "|" + skuId + "|" + quantity + "|" + mode;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
