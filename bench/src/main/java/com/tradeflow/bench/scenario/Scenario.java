package com.tradeflow.bench.scenario;

import com.tradeflow.bench.load.HttpCall;
import com.tradeflow.bench.load.Step;
import java.util.List;

/**
 * What the workers do, per mode. Throughput, server CPU and SQL statements are given per success of the primary
 * operation (a purchase, a transfer): the "unit" of the report.
 */
public interface Scenario {

    /** The subcommand, e.g. {@code purchases}. */
    String name();

    /** What one success of the primary operation is: {@code purchase}, {@code transfer}. */
    String unit();

    /** The operation whose successes count, e.g. {@code place}. */
    String primaryOperation();

    /** The modes this scenario runs in, in the order they are usually compared. */
    List<String> modes();

    /** A worker's step in {@code mode}: each worker gets its own instance. */
    Step step(String mode, int worker);

    /**
     * One request of the primary operation in {@code mode}, sent once before the mode runs: does the stack answer,
     * and does it take the mode?
     */
    HttpCall sample(String mode, String idempotencyKey);

    /**
     * A mode the stack takes only when started for benchmarks ({@code LOCAL}: no global transaction); when it
     * refuses it, the run skips that mode and says how to start the stack.
     */
    default boolean needsBenchmarkMode(String mode) {
        return false;
    }
}
