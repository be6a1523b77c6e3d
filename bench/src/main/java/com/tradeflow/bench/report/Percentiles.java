package com.tradeflow.bench.report;

import java.util.List;

/** The latency percentiles every report gives, with their column names. */
final class Percentiles {

    /** Percentile (0-100) and its name in tables and charts. */
    record Percentile(double value, String label, String csvName) {}

    static final List<Percentile> REPORTED = List.of(
            new Percentile(50, "p50", "p50_ms"),
            new Percentile(90, "p90", "p90_ms"),
            new Percentile(99, "p99", "p99_ms"),
            new Percentile(99.9, "p99.9", "p999_ms"));

    private Percentiles() {}
}
