package com.tradeflow.bench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

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
    /** Ticks of each compiler thread ({@code pid/tid}) at the last call. */
    private final Map<String, Long> lastSeen = new HashMap<>();
    /** Ticks counted so far, those of ended threads included. */
    private long counted;

    public CompilerThreads(Path stackDir, Path proc, long ticksPerSecond) {
        this.stackDir = stackDir;
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * CPU milliseconds the stack's compiler threads (those that can be read) have used since the first call: never
     * less than at the call before. HotSpot starts compiler threads as work comes and ends idle ones
     * (UseDynamicNumberOfCompilerThreads), so the threads alive now used less than those alive at the last call; a
     * sum over the live threads alone fell, and a negative share read as "settled".
     */
    public synchronized double millis() {
        Map<String, Long> processes;
        try {
            processes = StackProcesses.read(stackDir);
        } catch (IOException e) {
            return counted * MILLIS_PER_SECOND / ticksPerSecond;
        }
        for (long pid : processes.values()) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve(pid + "/task"))) {
                for (Path task : tasks) {
                    compilerTicks(task).ifPresent(now -> count(pid + "/" + task.getFileName(), now));
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended or is not ours to read: it adds nothing
            }
        }
        return counted * MILLIS_PER_SECOND / ticksPerSecond;
    }

    private void count(String thread, long now) {
        Long before = lastSeen.put(thread, now);
        // fewer ticks than before under the same id: a new thread that reuses an ended one's id
        counted += before == null || now < before ? now : now - before;
    }

    private static OptionalLong compilerTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII);
            if (name.length() < 2 || name.charAt(0) != 'C' || !name.substring(2).startsWith(COMPILER_THREAD)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(
                    ProcStat.cpuTicks(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII)));
        } catch (IOException | IllegalArgumentException gone) {
            return OptionalLong.empty();
        }
    }
}
