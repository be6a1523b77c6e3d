package com.tradeflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * {@link VerifiedTokens} over a verifier that records what it was asked (the signature check itself is
 * {@link TokenChecksTests}' and SecurityIT's), with expiry checked on a clock the test moves.
 */
class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private final List<String> verifiedTokens = new ArrayList<>();
    private Instant now = NOW;
    private final JwtTimestampValidator expiry = expiryOnTestClock();

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        VerifiedTokens tokens = tokens(verifier(), 10);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifiedTokens).containsExactly("token-a");
    }

    @Test
    void anotherTokenIsVerified() {
        VerifiedTokens tokens = tokens(verifier(), 10);

        tokens.decode("token-a");
        Jwt other = tokens.decode("token-b");

        assertThat(other.getTokenValue()).isEqualTo("token-b");
        assertThat(verifiedTokens).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenThatExpiredIsRefused() {
        VerifiedTokens tokens = tokens(verifier(), 10);
        tokens.decode("token-a");

        now = NOW.plus(Duration.ofMinutes(2));

        assertThatThrownBy(() -> tokens.decode("token-a"))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        JwtDecoder refusing = token -> {
            verifiedTokens.add(token);
            throw new BadJwtException("bad signature");
        };
        VerifiedTokens tokens = tokens(refusing, 10);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedTokens).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsForgottenAfterTheKeepTime() {
        VerifiedTokens tokens = new VerifiedTokens(verifier(), expiry, 10, Duration.ofMillis(1));
        tokens.decode("token-a");

        sleep(Duration.ofMillis(20));
        tokens.decode("token-a");

        assertThat(verifiedTokens).containsExactly("token-a", "token-a");
    }

    private VerifiedTokens tokens(JwtDecoder verifier, int capacity) {
        return new VerifiedTokens(verifier, expiry, capacity, Duration.ofMinutes(5));
    }

    /** Accepts any token, valid for one minute from the test's now. */
    private JwtDecoder verifier() {
        return token -> {
            verifiedTokens.add(token);
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("7")
                    .issuedAt(now)
                    .expiresAt(now.plus(Duration.ofMinutes(1)))
                    .build();
        };
    }

    private JwtTimestampValidator expiryOnTestClock() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        return validator;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
