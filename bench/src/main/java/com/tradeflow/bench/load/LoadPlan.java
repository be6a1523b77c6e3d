package com.tradeflow.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How hard and how long: {@code connections} workers, each with its own connection; an unmeasured warm-up, then the
 * measured window. Without a rate the loop is closed (each worker sends its next request when the last one is
 * answered); with a rate it is open (requests are due at fixed intervals whatever the answers, and each latency is
 * measured from when its request was due).
 */
public record LoadPlan(int connections, Duration warmup, Duration duration, OptionalDouble ratePerSecond) {

    public LoadPlan {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + connections);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        if (ratePerSecond.isPresent() && !(ratePerSecond.getAsDouble() > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
    }

    public boolean openLoop() {
        return ratePerSecond.isPresent();
    }

    /** For reports: "closed loop, 16 connections" or "open loop at 300/s, 16 connections". */
    public String describe() {
        return (openLoop()
                        ? String.format(Locale.ROOT, "open loop at %.0f/s", ratePerSecond.getAsDouble())
                        : "closed loop")
                + ", " + connections + " connections";
    }
}
