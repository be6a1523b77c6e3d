package com.tradeflow.bench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * CPU used so far by the JIT compiler threads of the local stack's processes, from {@code /proc/<pid>/task/*}: the
 * threads HotSpot names {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>} (the kernel keeps the first
 * 15 characters). While they are busy the services are still being compiled: on this stack C2 keeps a core of its
 * own for minutes of load, and figures measured meanwhile are the JIT's, not the code's.
 */
public final class CompilerThreads {

    private static final String COMPILER_THREAD = " CompilerThre";
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final Path stackDir;
    private final Path proc;
    private final long ticksPerSecond;

    public CompilerThreads(Path stackDir, Path proc, long ticksPerSecond) {
        this.stackDir = stackDir;
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** CPU milliseconds of every compiler thread of every process of the stack (those that can be read). */
    public double millis() {
        long ticks = 0;
        Map<String, Long> processes;
        try {
            processes = StackProcesses.read(stackDir);
        } catch (IOException e) {
            return 0;
        }
        for (long pid : processes.values()) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve(pid + "/task"))) {
                for (Path task : tasks) {
                    ticks += compilerTicks(task);
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended or is not ours to read: it adds nothing
            }
        }
        return ticks * MILLIS_PER_SECOND / ticksPerSecond;
    }

    private static long compilerTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII);
            if (name.length() < 2 || name.charAt(0) != 'C' || !name.substring(2).startsWith(COMPILER_THREAD)) {
                return 0;
            }
            return ProcStat.cpuTicks(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException gone) {
            return 0;
        }
    }
}
