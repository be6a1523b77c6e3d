package com.tradeflow.platform.jobs;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a failed piece of work is tried again: exponentially growing waits with jitter, capped, and a last
 * attempt after which it is given up (DEAD, for an operator).
 */
public final class RetrySchedule {

    private static final int ERROR_TEXT_LIMIT = 500;

    private final int maxAttempts;
    private final IntervalFunction backoff;

    /**
     * @param jitter randomisation of each wait (0.5: +-50%), so work that failed together spreads out
     */
    public RetrySchedule(
            int maxAttempts, Duration initialBackoff, double multiplier, double jitter, Duration maxBackoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait in milliseconds after {@code failedAttempts} failures, or empty once they are all used */
    public OptionalLong retryAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts ? OptionalLong.empty() : OptionalLong.of(pause(failedAttempts));
    }

    /** The wait after {@code failures} failures in a row, with no limit on their number (e.g. an outage). */
    public long pause(int failures) {
        return backoff.apply(Math.max(1, failures));
    }

    /** A failure's message, short enough for a last_error column (500 characters). */
    public static String errorText(Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        return text.length() > ERROR_TEXT_LIMIT ? text.substring(0, ERROR_TEXT_LIMIT) : text;
    }
}
