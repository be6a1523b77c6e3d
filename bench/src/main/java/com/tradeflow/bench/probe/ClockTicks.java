package com.tradeflow.bench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The kernel's clock ticks per second ({@code getconf CLK_TCK}), the unit of CPU times in {@code /proc}. */
public final class ClockTicks {

    /** What Linux uses on every common architecture, if getconf cannot be asked. */
    static final long USUAL_TICKS_PER_SECOND = 100;

    private static final long GETCONF_TIMEOUT_SECONDS = 5;

    private ClockTicks() {}

    /** Asked once per process: it does not change while the machine runs. */
    public static long perSecond() {
        return Asked.TICKS;
    }

    /** Holder: getconf runs on first use only. */
    private static final class Asked {
        static final long TICKS = ask();
    }

    private static long ask() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor(GETCONF_TIMEOUT_SECONDS, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return parse(output);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return USUAL_TICKS_PER_SECOND;
    }

    static long parse(String getconfOutput) {
        long ticks = Long.parseLong(getconfOutput.trim());
        if (ticks <= 0) {
            throw new NumberFormatException("CLK_TCK " + ticks);
        }
        return ticks;
    }
}
