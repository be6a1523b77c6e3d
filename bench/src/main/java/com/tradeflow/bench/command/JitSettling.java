package com.tradeflow.bench.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Decides when a warm-up has done its job on a local stack: once the JIT compiler threads of all its processes
 * together used less than {@link #QUIET_SHARE} of one core over {@link #SAMPLE} (or over the longest warm-up, when that
 * is shorter), or when the longest warm-up is up.
 * The services' C2 compilers need many minutes of load on this stack (tens of thousands of methods; one C2 thread per
 * JVM, on the same cores as the load), and a window measured meanwhile shows the JIT's cost, not the code's.
 */
final class JitSettling {

    /** Compiler CPU, summed over the stack's processes, below which the JIT counts as settled. */
    static final double QUIET_SHARE = 0.10;
    /** Over how long the compilers' CPU is averaged. */
    static final Duration SAMPLE = Duration.ofSeconds(10);

    private final DoubleSupplier compilerMillis;
    private final LongSupplier nanoTime;
    private final Duration longest;
    /** A sample never outlasts the longest warm-up: a short one (a smoke run's) decides when it says. */
    private final Duration sample;

    private final PrintWriter out;
    private final String mode;
    private long begun = -1;
    private long sampleStart;
    private double sampleMillis;
    private boolean settled;
    private String note;

    /**
     * @param compilerMillis CPU milliseconds used so far by the stack's compiler threads
     * @param longest        the longest warm-up beyond the plan's, zero for none
     */
    JitSettling(DoubleSupplier compilerMillis, LongSupplier nanoTime, Duration longest, PrintWriter out, String mode) {
        this.compilerMillis = compilerMillis;
        this.nanoTime = nanoTime;
        this.longest = longest;
        this.sample = longest.isZero() || SAMPLE.compareTo(longest) <= 0 ? SAMPLE : longest;
        this.out = out;
        this.mode = mode;
    }

    /** Asked about once a second after the plan's warm-up; says yes once and for all. */
    boolean warmEnough() {
        if (settled || longest.isZero()) {
            settled = true;
            return true;
        }
        long now = nanoTime.getAsLong();
        if (begun < 0) {
            begun = now;
            sampleStart = now;
            sampleMillis = compilerMillis.getAsDouble();
            return false;
        }
        long sampled = now - sampleStart;
        if (sampled < sample.toNanos()) {
            return false;
        }
        double millis = compilerMillis.getAsDouble();
        double share = (millis - sampleMillis) / (sampled / 1e6);
        long extraSeconds = Duration.ofNanos(now - begun).toSeconds();
        if (share < QUIET_SHARE) {
            return settle(String.format(
                    Locale.ROOT,
                    "%s: the JIT settled after %d s more warm-up (compilers at %.0f %% " + "of a core)",
                    mode,
                    extraSeconds,
                    share * 100));
        }
        if (now - begun >= longest.toNanos()) {
            return settle(String.format(
                    Locale.ROOT,
                    "%s: the JIT was still compiling after the longest warm-up "
                            + "(--max-warmup %d s more; compilers at %.0f %% of a core): the figures include its cost",
                    mode,
                    longest.toSeconds(),
                    share * 100));
        }
        out.printf(
                Locale.ROOT,
                "%s: JIT compilers at %.0f %% of a core, warming on (%d s beyond --warmup)%n",
                mode,
                share * 100,
                extraSeconds);
        out.flush();
        sampleStart = now;
        sampleMillis = millis;
        return false;
    }

    /** What the warm-up came to, for the report's notes; empty when there was nothing to wait for. */
    Optional<String> outcome() {
        return Optional.ofNullable(note);
    }

    private boolean settle(String what) {
        settled = true;
        note = what;
        out.println(what);
        out.flush();
        return true;
    }
}
