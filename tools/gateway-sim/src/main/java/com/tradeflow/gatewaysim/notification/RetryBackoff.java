package com.tradeflow.gatewaysim.notification;

import java.time.Duration;

/**
 * When an unacknowledged notification is sent again: {@code initialInterval} after the first attempt, doubling
 * after each further one up to {@code maxInterval}, and never more than {@code maxAttempts} attempts in all.
 * (Alipay and WeChat Pay also re-send on a growing schedule and then stop; the merchant's query job covers the
 * rest.)
 */
public record RetryBackoff(Duration initialInterval, Duration maxInterval, int maxAttempts) {

    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    public RetryBackoff {
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initial interval must be positive: " + initialInterval);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "max interval " + maxInterval + " is below the initial interval " + initialInterval);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
        }
    }

    public static RetryBackoff defaults() {
        return new RetryBackoff(DEFAULT_INITIAL_INTERVAL, DEFAULT_MAX_INTERVAL, DEFAULT_MAX_ATTEMPTS);
    }

    /** Whether attempt number {@code attempt} (1-based) may be followed by another. */
    public boolean allowsAnotherAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The pause between attempt {@code attempt} (1-based) and the next. */
    public Duration delayAfter(int attempt) {
        long millis = initialInterval.toMillis();
        for (int i = 1; i < attempt && millis < maxInterval.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxInterval.toMillis()));
    }
}
