package com.tradeflow.web.gateway;

import com.tradeflow.platform.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a result notification as the gateway signs it: {@code X-Gateway-Signature} = lowercase hex
 * HMAC-SHA256(secret, {@code X-Gateway-Timestamp} + "." + raw body), compared in constant time, over the raw bytes
 * before anything parses them; and the timestamp recent (signed with the body, so a captured notification cannot
 * be replayed once it is older than the window).
 */
public final class NotificationSignature {

    private static final byte[] SEPARATOR = {'.'};

    /** The result of a check: {@link #VALID}, or why not. */
    public enum Verdict {
        VALID,
        MISSING_HEADERS,
        BAD_TIMESTAMP,
        BAD_SIGNATURE,
        STALE,
        FROM_THE_FUTURE,
        NOT_CONFIGURED
    }

    private final byte[] secret;
    private final Duration maxAge;
    private final Duration maxClockSkew;
    private final Clock clock;

    public NotificationSignature(String secret, Duration maxAge, Duration maxClockSkew, Clock clock) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.maxAge = maxAge;
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
    }

    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (secret.length == 0) {
            return Verdict.NOT_CONFIGURED;
        }
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING_HEADERS;
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestampHeader.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (!HmacSha256.matches(sign(timestampHeader.strip(), body), signatureHeader)) {
            return Verdict.BAD_SIGNATURE;
        }
        // checked after the signature: only a genuine timestamp says anything about the notification's age
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxAge))) {
            return Verdict.STALE;
        }
        if (signedAt.isAfter(now.plus(maxClockSkew))) {
            return Verdict.FROM_THE_FUTURE;
        }
        return Verdict.VALID;
    }

    /** The signature of a body at a timestamp, as the gateway computes it. */
    public String sign(String timestamp, byte[] body) {
        return HmacSha256.hex(secret, timestamp.getBytes(StandardCharsets.US_ASCII), SEPARATOR, body);
    }
}
