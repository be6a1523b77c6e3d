package com.tradeflow.bench.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run of a scenario: how it was run, each mode's result in run order, and notes (a mode skipped, a rate not
 * reached).
 *
 * @param settings one line each: target, load, data, machine
 * @param unit     what one success is, e.g. {@code purchase}
 */
public record BenchReport(
        String scenario,
        String unit,
        LocalDateTime startedAt,
        List<String> settings,
        String cpuSource,
        List<ModeResult> results,
        List<String> notes) {

    /** The baseline of the ratios: the LOCAL mode of the same run. */
    public static final String BASELINE_MODE = "LOCAL";

    public Optional<ModeResult> baseline() {
        return results.stream().filter(r -> r.mode().equals(BASELINE_MODE)).findFirst();
    }

    /** Throughput relative to LOCAL in the same run, when LOCAL ran and had successes. */
    public OptionalDouble ratioToBaseline(ModeResult result) {
        return baseline()
                .filter(local -> local.throughput() > 0)
                .map(local -> OptionalDouble.of(result.throughput() / local.throughput()))
                .orElse(OptionalDouble.empty());
    }
}
