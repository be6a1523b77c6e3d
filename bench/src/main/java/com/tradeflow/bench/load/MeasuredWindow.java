package com.tradeflow.bench.load;

/**
 * The measured part of a run, in {@link System#nanoTime()}: answers arriving in {@code [start, end)} count. Opened
 * by the generator when the warm-up is over, which it may only know during the run (the stack's JIT settling);
 * until then nothing counts and the run has no end.
 */
final class MeasuredWindow {

    private volatile long startNanos = Long.MAX_VALUE;
    private volatile long endNanos = Long.MAX_VALUE;

    void open(long start, long end) {
        endNanos = end;
        startNanos = start;
    }

    boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    long lengthNanos() {
        return endNanos - startNanos;
    }
}
