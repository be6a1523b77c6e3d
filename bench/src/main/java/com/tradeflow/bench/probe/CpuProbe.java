package com.tradeflow.bench.probe;

import java.util.Map;

/** CPU time used so far by each process of the stack. */
public interface CpuProbe {

    /** Where the figures come from, for the report. */
    String source();

    /**
     * @return process name -> its CPU so far; a process that cannot be read is left out. The pid (or another
     *         identity) tells a restarted process apart, whose figures are then not comparable.
     */
    Map<String, CpuTime> read();

    /** CPU used so far by one process, and which process it was. */
    record CpuTime(String identity, double millis) {}

    /** For a stack whose processes cannot be measured: every figure is "n/a". */
    CpuProbe NONE = new CpuProbe() {
        @Override
        public String source() {
            return "n/a (no processes file, no actuator process.cpu.time)";
        }

        @Override
        public Map<String, CpuTime> read() {
            return Map.of();
        }
    };
}
