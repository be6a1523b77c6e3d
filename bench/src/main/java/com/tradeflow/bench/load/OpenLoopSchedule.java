package com.tradeflow.bench.load;

/**
 * When each request of an open loop is due: request {@code n} (counted over all workers) at
 * {@code start + n / rate}. A worker that takes a ticket whose time has passed sends at once, and the latency is
 * measured from the due time, not the send time: time spent waiting for a free connection behind a slow answer
 * counts, which is what a user arriving at that moment would have seen (the correction for coordinated omission,
 * as in wrk2; HdrHistogram's {@code recordValueWithExpectedInterval} is the after-the-fact variant of the same).
 */
public final class OpenLoopSchedule {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final long startNanos;
    private final double intervalNanos;

    public OpenLoopSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.startNanos = startNanos;
        this.intervalNanos = NANOS_PER_SECOND / ratePerSecond;
    }

    /** The {@link System#nanoTime()} at which request {@code ticket} (0, 1, 2 ...) is due. */
    public long dueAt(long ticket) {
        return startNanos + Math.round(ticket * intervalNanos);
    }

    /** Latency as the user sees it: from when the request was due to when its answer arrived. */
    public static long latencyFromDue(long dueNanos, long answeredNanos) {
        return answeredNanos - dueNanos;
    }
}
