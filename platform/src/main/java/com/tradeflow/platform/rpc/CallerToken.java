package com.tradeflow.platform.rpc;

import com.tradeflow.platform.crypto.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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
    /** The token as sent, and its bytes as compared: neither made again on each call. */
    private record Configured(String text, byte[] bytes) {}

    private static volatile Configured token;

    private CallerToken() {}

    /**
     * @throws IllegalArgumentException the token is missing or shorter than {@link SharedSecrets#MIN_LENGTH}
     */
    static void configure(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tradeflow.rpc.caller-token (TRADEFLOW_RPC_CALLER_TOKEN) is not set: "
                    + "the services' Dubbo calls to each other must carry a shared secret (the local stack makes one "
                    + "per start)");
        }
        SharedSecrets.requireLongEnough("tradeflow.rpc.caller-token (TRADEFLOW_RPC_CALLER_TOKEN)", value);
        token = new Configured(value, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The token this service sends; null until configured. */
    static String value() {
        Configured current = token;
        return current == null ? null : current.text();
    }

    /** Whether a caller presented this service's token (in constant time; false while none is configured). */
    static boolean matches(Object presented) {
        Configured current = token;
        return current != null
                && presented instanceof String s
                && MessageDigest.isEqual(current.bytes(), s.getBytes(StandardCharsets.UTF_8));
    }
}
