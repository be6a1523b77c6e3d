package com.tradeflow.platform.events;

import com.tradeflow.platform.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;

/**
 * Signatures of the integration events whose effect creates money (a top-up's credit): HMAC-SHA256 over what the
 * effect uses, with a key only the producing and the consuming services hold ({@code tradeflow.events.signing-key},
 * {@code TRADEFLOW_EVENT_SIGNING_KEY}). Anyone who can write to the broker can write a message; only the producer
 * can sign one, so a consumer applies only what the producer's own stored record became.
 */
public final class EventSignatures {

    private final byte[] key;

    public EventSignatures(String key) {
        this.key = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
    }

    /** Without a key nothing can be signed, and nothing is valid. */
    public boolean configured() {
        return key.length > 0;
    }

    /** @throws IllegalStateException no key is configured */
    public String sign(String content) {
        if (!configured()) {
            throw new IllegalStateException("tradeflow.events.signing-key (TRADEFLOW_EVENT_SIGNING_KEY) is not set: "
                    + "events that move money cannot be signed");
        }
        return HmacSha256.hex(key, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the signature is the one of this content under the configured key (compared in constant time). */
    public boolean valid(String content, String signature) {
        return configured() && HmacSha256.matches(sign(content), signature);
    }
}
