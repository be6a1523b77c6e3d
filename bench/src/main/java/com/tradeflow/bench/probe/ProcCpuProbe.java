package com.tradeflow.bench.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU of the local stack's processes from {@code /proc/<pid>/stat}, the pids from devstack's processes file. */
public final class ProcCpuProbe implements CpuProbe {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private final Path stackDir;
    private final Path proc;
    private final long ticksPerSecond;

    public ProcCpuProbe(Path stackDir, Path proc, long ticksPerSecond) {
        this.stackDir = stackDir;
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The real {@code /proc} of this machine, if the stack dir has a processes file. */
    public static boolean available(Path stackDir) {
        return Files.isRegularFile(StackProcesses.file(stackDir)) && Files.isDirectory(Path.of("/proc/self"));
    }

    @Override
    public String source() {
        return "/proc/<pid>/stat of the processes in " + StackProcesses.file(stackDir);
    }

    @Override
    public Map<String, CpuTime> read() {
        Map<String, CpuTime> cpu = new LinkedHashMap<>();
        try {
            StackProcesses.read(stackDir).forEach((name, pid) -> {
                Path stat = proc.resolve(String.valueOf(pid)).resolve("stat");
                try {
                    long ticks = ProcStat.cpuTicks(Files.readString(stat, StandardCharsets.US_ASCII));
                    cpu.put(name, new CpuTime("pid " + pid, ticks * MILLIS_PER_SECOND / ticksPerSecond));
                } catch (IOException | IllegalArgumentException gone) {
                    // the process ended (or is being restarted): no figure for it
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + StackProcesses.file(stackDir), e);
        }
        return cpu;
    }
}
