package com.tradeflow.bench.report;

import com.tradeflow.bench.load.LoadResult;
import com.tradeflow.bench.load.OperationStats;
import com.tradeflow.bench.probe.SqlStatements;
import com.tradeflow.bench.probe.WindowUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One mode's measured window: the answers and latencies of each operation, and what the stack used meanwhile.
 * Per-unit figures divide by the successes of the primary operation (successful purchases, transfers).
 */
public record ModeResult(String mode, String primaryOperation, LoadResult load, WindowUsage usage) {

    private static final double NANOS_PER_SECOND = 1e9;

    public OperationStats primary() {
        return load.operation(primaryOperation);
    }

    /** Operations other than the primary one (a cancellation after its purchase). */
    public Map<String, OperationStats> secondary() {
        Map<String, OperationStats> others = new LinkedHashMap<>(load.operations());
        others.remove(primaryOperation);
        return others;
    }

    public long successes() {
        return primary().successes();
    }

    /** Successes of the primary operation per second of the measured window. */
    public double throughput() {
        return perSecond(successes());
    }

    public double perSecond(long count) {
        return count * NANOS_PER_SECOND / load.measured().toNanos();
    }

    /** Server CPU ms per success, by process (empty where there is no figure, or no success). */
    public Map<String, Double> cpuMillisPerUnit() {
        Map<String, Double> perUnit = new LinkedHashMap<>();
        if (successes() > 0) {
            usage.cpuMillis().forEach((process, millis) -> perUnit.put(process, millis / successes()));
        }
        return perUnit;
    }

    public OptionalDouble totalCpuMillisPerUnit() {
        return successes() == 0 || usage.cpuMillis().isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(usage.totalCpuMillis() / successes());
    }

    /** SQL statements per success: {@code total}, then each kind. */
    public Optional<Map<String, Double>> sqlPerUnit() {
        if (successes() == 0 || usage.sql().isEmpty()) {
            return Optional.empty();
        }
        SqlStatements sql = usage.sql().get();
        Map<String, Double> perUnit = new LinkedHashMap<>();
        perUnit.put("total", (double) sql.total() / successes());
        SqlStatements.KINDS.forEach(kind -> perUnit.put(kind, (double) sql.count(kind) / successes()));
        return Optional.of(perUnit);
    }

    /** The load generator's CPU per request it sent (every operation, every answer). */
    public OptionalDouble loadGeneratorCpuMillisPerRequest() {
        return load.requests() == 0 || Double.isNaN(usage.loadGeneratorCpuMillis())
                ? OptionalDouble.empty()
                : OptionalDouble.of(usage.loadGeneratorCpuMillis() / load.requests());
    }
}
