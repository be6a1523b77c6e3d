package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcCpuProbeTests {

    private static final long TICKS_PER_SECOND = 100;

    @TempDir
    Path stackDir;

    @TempDir
    Path proc;

    @Test
    void shouldTurnTicksIntoMillisPerProcessAndLeaveOutEndedProcesses() throws Exception {
        Files.writeString(stackDir.resolve(StackProcesses.FILE_NAME), "mariadb=11\nconsumer-web=12\ngone=13\n");
        stat(11, 150, 50);
        stat(12, 30, 2);

        Map<String, CpuProbe.CpuTime> cpu = new ProcCpuProbe(stackDir, proc, TICKS_PER_SECOND).read();

        assertThat(cpu).containsOnlyKeys("mariadb", "consumer-web");
        assertThat(cpu.get("mariadb")).isEqualTo(new CpuProbe.CpuTime("pid 11", 2000.0));
        assertThat(cpu.get("consumer-web").millis()).isEqualTo(320.0);
    }

    private void stat(long pid, long utime, long stime) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(
                dir.resolve("stat"),
                pid + " (x) S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 1 1 1");
    }
}
