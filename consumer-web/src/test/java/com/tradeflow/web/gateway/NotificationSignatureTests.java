package com.tradeflow.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotificationSignatureTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final byte[] BODY =
            "{\"notificationId\":\"ntf_1\",\"amount\":5000}".getBytes(StandardCharsets.UTF_8);

    private final NotificationSignature signature = new NotificationSignature(
            "s3cret", Duration.ofMinutes(5), Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldMatchAnHmacComputedIndependently() {
        // printf '1700000000.hello' | openssl dgst -sha256 -hmac key
        NotificationSignature withKey = new NotificationSignature(
                "key",
                Duration.ofDays(36500),
                Duration.ZERO,
                Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC));
        String expected = "4d583a269f4f276a3fa80ff31b5a01879a848096983222a17893d198418939aa";
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(withKey.sign("1700000000", hello)).isEqualTo(expected);
        assertThat(withKey.verify("1700000000", expected, hello)).isEqualTo(NotificationSignature.Verdict.VALID);
    }

    @Test
    void shouldAcceptARecentCorrectlySignedNotification() {
        String ts = String.valueOf(NOW.minusSeconds(10).getEpochSecond());
        assertThat(signature.verify(ts, signature.sign(ts, BODY), BODY)).isEqualTo(NotificationSignature.Verdict.VALID);
        assertThat(signature.verify(ts, signature.sign(ts, BODY).toUpperCase(), BODY))
                .isEqualTo(NotificationSignature.Verdict.VALID);
    }

    @Test
    void shouldRefuseATamperedBodyOrTimestamp() {
        String ts = String.valueOf(NOW.getEpochSecond());
        String sig = signature.sign(ts, BODY);
        byte[] tampered = "{\"notificationId\":\"ntf_1\",\"amount\":9000}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(ts, sig, tampered)).isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
        assertThat(signature.verify(String.valueOf(NOW.getEpochSecond() - 1), sig, BODY))
                .isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
        NotificationSignature otherSecret = new NotificationSignature(
                "other", Duration.ofMinutes(5), Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherSecret.verify(ts, sig, BODY)).isEqualTo(NotificationSignature.Verdict.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseStaleAndFutureTimestampsEvenWhenSigned() {
        String old = String.valueOf(NOW.minus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(signature.verify(old, signature.sign(old, BODY), BODY))
                .isEqualTo(NotificationSignature.Verdict.STALE);
        String ahead = String.valueOf(NOW.plus(Duration.ofMinutes(2)).getEpochSecond());
        assertThat(signature.verify(ahead, signature.sign(ahead, BODY), BODY))
                .isEqualTo(NotificationSignature.Verdict.FROM_THE_FUTURE);
    }

    @Test
    void shouldRefuseMissingOrMalformedHeadersAndAnUnsetSecret() {
        assertThat(signature.verify(null, "ab", BODY)).isEqualTo(NotificationSignature.Verdict.MISSING_HEADERS);
        assertThat(signature.verify("123", null, BODY)).isEqualTo(NotificationSignature.Verdict.MISSING_HEADERS);
        assertThat(signature.verify("yesterday", "ab", BODY)).isEqualTo(NotificationSignature.Verdict.BAD_TIMESTAMP);
        assertThat(signature.verify("99999999999999999", "ab", BODY))
                .isEqualTo(NotificationSignature.Verdict.BAD_TIMESTAMP);
        NotificationSignature unset = new NotificationSignature(
                "", Duration.ofMinutes(5), Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC));
        String ts = String.valueOf(NOW.getEpochSecond());
        assertThat(unset.verify(ts, signature.sign(ts, BODY), BODY))
                .isEqualTo(NotificationSignature.Verdict.NOT_CONFIGURED);
    }
}
