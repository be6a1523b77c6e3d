package com.tradeflow.bench.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * This JVM's CPU time: the load generator's own cost, which shares the cores with the stack on one machine.
 */
public final class OwnCpu {

    private static final double NANOS_PER_MILLI = 1e6;

    private OwnCpu() {}

    /** CPU time of this whole process so far, in ms; NaN where the JVM does not tell. */
    public static double millis() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean withCpu) {
            long nanos = withCpu.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / NANOS_PER_MILLI;
        }
        return Double.NaN;
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
