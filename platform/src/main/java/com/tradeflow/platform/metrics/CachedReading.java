package com.tradeflow.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reading several gauges share (one query answering a backlog's size and age), taken at most once per
 * {@code maxAge} however many gauges ask: a scrape reads each gauge once, and they should cost one query, not one
 * each. A failed reading (the database away) answers {@code whenFailed} until the next one succeeds; the first
 * failure of a streak is logged.
 */
public final class CachedReading<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final Supplier<T> reading;
    private final long maxAgeNanos;
    private final T whenFailed;
    private T last;
    private long takenAt;
    private boolean taken;
    private boolean failing;

    public CachedReading(Supplier<T> reading, Duration maxAge, T whenFailed) {
        this.reading = reading;
        this.maxAgeNanos = maxAge.toNanos();
        this.whenFailed = whenFailed;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (!taken || now - takenAt >= maxAgeNanos) {
            try {
                last = reading.get();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn(
                            "a metrics reading failed, its gauges answer {} until one succeeds: {}",
                            whenFailed,
                            e.toString());
                }
                failing = true;
                last = whenFailed;
            }
            takenAt = now;
            taken = true;
        }
        return last;
    }
}
