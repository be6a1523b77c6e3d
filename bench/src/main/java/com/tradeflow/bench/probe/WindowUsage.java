package com.tradeflow.bench.probe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stack used over a window: CPU ms per process (in the stack's order), the processes without a figure
 * (not readable, or restarted in between), the SQL statements (empty without a database connection), and the load
 * generator's own CPU.
 */
public record WindowUsage(
        Duration elapsed,
        Map<String, Double> cpuMillis,
        List<String> cpuUnavailable,
        Optional<SqlStatements> sql,
        double loadGeneratorCpuMillis) {

    /** CPU ms over every measured process. */
    public double totalCpuMillis() {
        return cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
