package com.tradeflow.platform.rpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret every Dubbo call between the TradeFlow services carries ({@code tradeflow.rpc.caller-token}),
 * checked by each provider before anything else runs ({@link CallerTokenProviderFilter}).
 * <p>
 * Why: the providers' ports cannot listen on loopback only (Dubbo 3.3 refuses a loopback bind), and a call made
 * straight to them carries no global transaction: a {@code debit} or {@code transfer} would commit locally with none
 * of the web API's checks. Dubbo's own {@code token} option does not close that door: it travels in the service's
 * metadata, which the provider's MetadataService hands to any caller of the same port.
 * <p>
 * Dubbo creates its filters itself, outside Spring; the token is therefore set here once at start
 * ({@link CallerTokenAutoConfiguration}) and read by the filters.
 */
public final class CallerToken {

    /** The invocation attachment carrying the token. */
    static final String ATTACHMENT = "tradeflow-caller-token";
    /** Shorter secrets are refused at start: they could be guessed. */
    public static final int MIN_LENGTH = 32;

    private static volatile byte[] token;

    private CallerToken() {
    }

    /**
     * @throws IllegalArgumentException the token is missing or shorter than {@link #MIN_LENGTH}
     */
    static void configure(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tradeflow.rpc.caller-token (TRADEFLOW_RPC_CALLER_TOKEN) is not set: "
                    + "the services' Dubbo calls to each other must carry a shared secret (the local stack makes one "
                    + "per start)");
        }
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("tradeflow.rpc.caller-token is " + value.length()
                    + " characters long; at least " + MIN_LENGTH + " are required");
        }
        token = value.getBytes(StandardCharsets.UTF_8);
    }

    /** The token this service sends, once configured. */
    static Optional<String> value() {
        byte[] current = token;
        return current == null ? Optional.empty() : Optional.of(new String(current, StandardCharsets.UTF_8));
    }

    /** Whether a caller presented this service's token (in constant time; false while none is configured). */
    static boolean matches(Object presented) {
        byte[] current = token;
        return current != null && presented instanceof String s
                && MessageDigest.isEqual(current, s.getBytes(StandardCharsets.UTF_8));
    }
}
