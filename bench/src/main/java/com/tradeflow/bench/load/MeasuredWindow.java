package com.tradeflow.bench.load;

/** The measured part of a run, in {@link System#nanoTime()}: answers arriving in {@code [start, end)} count. */
public record MeasuredWindow(long startNanos, long endNanos) {

    public boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }

    public long lengthNanos() {
        return endNanos - startNanos;
    }
}
