package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsTests {

    private static final long TICKS_PER_SECOND = 100;

    @TempDir
    Path stackDir;

    @TempDir
    Path proc;

    @Test
    void shouldSumTheCompilerThreadsOfEveryProcessAndNothingElse() throws Exception {
        Files.writeString(stackDir.resolve(StackProcesses.FILE_NAME), "consumer-web=12\nmariadb=11\ngone=13\n");
        task(12, 120, "C2 CompilerThre", 300, 20);
        task(12, 121, "C1 CompilerThre", 40, 0);
        task(12, 122, "http-nio-127.0.", 5000, 100);
        task(12, 123, "CompilerThreadX", 7000, 0);
        task(11, 11, "mariadbd", 9000, 0);
        task(11, 14, "C2 CompilerThre", 60, 0);

        double millis = new CompilerThreads(stackDir, proc, TICKS_PER_SECOND).millis();

        // (300 + 20 + 40 + 60) ticks at 100 per second
        assertThat(millis).isEqualTo(4200.0);
    }

    @Test
    void shouldNeverCountLessWhenACompilerThreadEnds() throws Exception {
        Files.writeString(stackDir.resolve(StackProcesses.FILE_NAME), "consumer-web=12\n");
        task(12, 120, "C2 CompilerThre", 300, 0);
        task(12, 121, "C2 CompilerThre", 500, 0);
        CompilerThreads compilers = new CompilerThreads(stackDir, proc, TICKS_PER_SECOND);
        assertThat(compilers.millis()).isEqualTo(8000.0);

        // thread 121 ended (HotSpot ends idle compiler threads); 120 compiled on
        deleteTask(12, 121);
        task(12, 120, "C2 CompilerThre", 350, 0);
        assertThat(compilers.millis()).isEqualTo(8500.0);

        // a new compiler thread under the ended one's id starts from zero
        task(12, 121, "C2 CompilerThre", 20, 0);
        assertThat(compilers.millis()).isEqualTo(8700.0);
    }

    @Test
    void shouldCountNothingWithoutAStack() {
        assertThat(new CompilerThreads(stackDir.resolve("none"), proc, TICKS_PER_SECOND).millis())
                .isZero();
    }

    private void deleteTask(long pid, long tid) throws Exception {
        Path dir = proc.resolve(pid + "/task/" + tid);
        Files.delete(dir.resolve("comm"));
        Files.delete(dir.resolve("stat"));
        Files.delete(dir);
    }

    private void task(long pid, long tid, String name, long utime, long stime) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("comm"), name + "\n");
        Files.writeString(
                dir.resolve("stat"),
                tid + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 1 1 1");
    }
}
