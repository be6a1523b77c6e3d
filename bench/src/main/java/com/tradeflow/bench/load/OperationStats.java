package com.tradeflow.bench.load;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies and answers of one operation ({@code place}, {@code cancel}, {@code transfer}) in the measured window:
 * every answer counts, refusals and failures included. One per worker while it runs (no locking), merged after.
 */
public final class OperationStats {

    /** Longer latencies are recorded as this: 10 minutes, far beyond any request timeout. */
    static final long HIGHEST_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** HdrHistogram precision: values are exact to 0.1 %. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private static final double MICROS_PER_MILLI = 1000.0;

    private final Histogram latencyMicros = new Histogram(HIGHEST_LATENCY_MICROS, SIGNIFICANT_DIGITS);
    private final Map<String, Long> answers = new TreeMap<>();
    private long successes;

    public void record(Answer answer, long latencyNanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(latencyNanos);
        latencyMicros.recordValue(Math.max(0, Math.min(HIGHEST_LATENCY_MICROS, micros)));
        answers.merge(answer.label(), 1L, Long::sum);
        if (answer.successful()) {
            successes++;
        }
    }

    public void add(OperationStats other) {
        latencyMicros.add(other.latencyMicros);
        other.answers.forEach((label, count) -> answers.merge(label, count, Long::sum));
        successes += other.successes;
    }

    public long requests() {
        return latencyMicros.getTotalCount();
    }

    public long successes() {
        return successes;
    }

    /** Answers by label ({@code 201}, {@code 409 CONCURRENT_UPDATE} ...), sorted. */
    public Map<String, Long> answers() {
        return Collections.unmodifiableMap(answers);
    }

    /** @param percentile 0-100, e.g. 99.9 */
    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
    }

    public double maxMillis() {
        return latencyMicros.getMaxValue() / MICROS_PER_MILLI;
    }
}
