package com.tradeflow.gatewaysim.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a notification the way the merchant verifies it: lowercase hex of HMAC-SHA256(secret,
 * {@code timestamp + "." + rawBody}), with the timestamp (epoch seconds) sent in {@value #TIMESTAMP_HEADER} and
 * the signature in {@value #SIGNATURE_HEADER}. Signing the timestamp with the body lets the merchant refuse a
 * captured notification replayed later (the Stripe scheme). The raw body bytes are signed, not a re-serialised
 * form, so the merchant must verify before parsing.
 */
public final class NotificationSignature {

    public static final String TIMESTAMP_HEADER = "X-Gateway-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Gateway-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public NotificationSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(long timestampSeconds, byte[] rawBody) {
        return sign(Long.toString(timestampSeconds), rawBody);
    }

    /** Constant-time comparison; false for a missing or malformed signature. */
    public boolean verify(String timestamp, byte[] rawBody, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        byte[] expected = sign(timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String timestamp, byte[] rawBody) {
        try {
            // Mac instances are not thread-safe; one per call costs microseconds
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "NotificationSignature[HmacSHA256, secret hidden]";
    }
}
