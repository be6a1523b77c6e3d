package com.tradeflow.bench.probe;

/**
 * CPU time from a line of {@code /proc/<pid>/stat}: {@code utime} + {@code stime} (fields 14 and 15, in clock
 * ticks), the time the process ran in user and kernel mode. The command name (field 2) is in parentheses and may
 * itself hold spaces and parentheses, so fields are counted after its last closing parenthesis.
 */
public final class ProcStat {

    /** utime's index among the fields after the command name (the state, field 3, is index 0). */
    private static final int UTIME_AFTER_COMMAND = 14 - 3;

    private static final int STIME_AFTER_COMMAND = 15 - 3;

    private ProcStat() {}

    /** @throws IllegalArgumentException when the line is not a stat line */
    public static long cpuTicks(String statLine) {
        int commandEnd = statLine.lastIndexOf(')');
        if (commandEnd < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        }
        String[] fields = statLine.substring(commandEnd + 1).trim().split("\\s+");
        if (fields.length <= STIME_AFTER_COMMAND) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + statLine);
        }
        return Long.parseLong(fields[UTIME_AFTER_COMMAND]) + Long.parseLong(fields[STIME_AFTER_COMMAND]);
    }
}
