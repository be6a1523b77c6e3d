package com.tradeflow.bench.command;

import com.tradeflow.bench.load.LoadPlan;
import java.time.Duration;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/** How much load, for how long. */
public final class LoadOptions {

    /** Concurrent connections, one worker each. */
    @Option(
            names = "--connections",
            defaultValue = "16",
            paramLabel = "N",
            description = "Concurrent connections, each with its own worker (default: ${DEFAULT-VALUE}).")
    int connections;

    /** The measured window per mode. */
    @Option(
            names = "--duration",
            defaultValue = "60s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Measured time per mode (default: ${DEFAULT-VALUE}).")
    Duration duration;

    /** Unmeasured load before each mode's window: JIT, pools and caches settle. */
    @Option(
            names = "--warmup",
            defaultValue = "20s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Unmeasured load before each mode's window (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    /**
     * On a local stack, the warm-up goes on after {@code --warmup} until the JIT compilers of the stack's processes
     * are nearly idle, for at most this long; {@code 0s} for exactly {@code --warmup}.
     */
    @Option(
            names = "--max-warmup",
            defaultValue = "15m",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "On a local stack, warm up beyond --warmup until the JIT "
                    + "compilers of its processes are nearly idle, for at most this long; 0s: no more than --warmup "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxWarmup;

    /**
     * Requests per second for an open loop (latency measured from when each request was due); without it the loop
     * is closed (each connection sends as soon as it has its answer).
     */
    @Option(
            names = "--rate",
            paramLabel = "PER_SECOND",
            description = "Open loop at this many requests per second (latency from the due time); default: closed "
                    + "loop.")
    Double rate;

    LoadPlan plan() {
        return new LoadPlan(
                connections, warmup, duration, rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate));
    }
}
