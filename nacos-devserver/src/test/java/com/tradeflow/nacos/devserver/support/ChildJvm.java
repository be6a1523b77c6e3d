package com.tradeflow.nacos.devserver.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test class path run in its own JVM, its output captured to a file. Tests use it where a
 * client must live in another process: to be killed for real, or to keep the clients of two JVMs apart.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final String name;

    private ChildJvm(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    public static ChildJvm start(String name, Class<?> mainClass, String... args) throws IOException {
        return start(name, System.getProperty("java.class.path"), mainClass, args);
    }

    /** Runs the main class on another class path (another client version, say). */
    public static ChildJvm start(String name, String classPath, Class<?> mainClass, String... args)
            throws IOException {
        Path output = Files.createTempFile("child-" + name + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx192m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Duser.home=" + Path.of(System.getProperty("java.io.tmpdir"), "child-home"));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new ChildJvm(name, process, output);
    }

    /** Waits until a line containing {@code marker} is printed; fails with the output if the JVM dies first. */
    public void awaitOutput(String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(marker)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing '"
                        + marker + "':\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not print '" + marker + "' within " + timeout + ":\n" + tail());
    }

    public int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + ":\n" + tail());
        }
        return process.exitValue();
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
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    public String tail() throws IOException {
        String all = output();
        return all.length() > 6000 ? "..." + all.substring(all.length() - 6000) : all;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
