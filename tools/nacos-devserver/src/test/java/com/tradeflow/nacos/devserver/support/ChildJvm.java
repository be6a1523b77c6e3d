package com.tradeflow.nacos.devserver.support;

import com.tradeflow.childprocess.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A main class of the test class path run in its own JVM, its output captured to a file. Tests use it where a
 * client must live in another process: to be killed or frozen for real, or to keep the clients of two JVMs apart.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ChildProcess process;

    private ChildJvm(ChildProcess process) {
        this.process = process;
    }

    public static ChildJvm start(String name, Class<?> mainClass, String... args) throws IOException {
        return start(name, System.getProperty("java.class.path"), mainClass, args);
    }

    /** Runs the main class on another class path (another client version, say). */
    public static ChildJvm start(String name, String classPath, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.add("-Xmx192m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Duser.home=" + Path.of(System.getProperty("java.io.tmpdir"), "child-home"));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("child-" + name + "-", ".log");
        return new ChildJvm(ChildProcess.start(name, command, Map.of(), output, STOP_GRACE));
    }

    /** Waits until a line containing {@code marker} is printed; fails with the output if the JVM dies first. */
    public void awaitOutput(String marker, Duration timeout) {
        process.awaitReady(() -> output().contains(marker), timeout);
    }

    public int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /** SIGSTOP: the JVM freezes with its sockets open, like a hung or half-partitioned client. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL: the JVM gets no chance to deregister anything. */
    public void kill() {
        process.kill();
    }

    public String output() {
        try {
            return Files.readString(process.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        return process.logTail();
    }

    /** Killed, not stopped: these children hold nothing that needs a graceful end. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.kill();
        }
    }
}
