package com.tradeflow.childprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server run as a child process: its output appended to a log file, ready when a check says so, stopped with
 * SIGTERM (SIGKILL if it lingers) or killed outright for fault tests. Errors carry the tail of its log.
 */
public final class ChildProcess implements AutoCloseable {

    private static final long POLL_MILLIS = 250;
    private static final int TAIL_CHARS = 5000;

    private final String name;
    private final Process process;
    private final Path log;
    private final Duration stopGrace;

    private ChildProcess(String name, Process process, Path log, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopGrace = stopGrace;
    }

    /**
     * @param env added to this process's environment
     */
    public static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path log, Duration stopGrace)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start(), log, stopGrace);
    }

    /** The java binary of this JVM: children run on the same JDK. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits until {@code ready} holds.
     *
     * @throws IllegalStateException (with the log tail) when the process exits first, or when the timeout passes
     *                               (the process is then killed)
     */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " while starting; last lines of " + log + ":\n" + logTail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        kill();
        throw new IllegalStateException(
                name + " was not ready within " + timeout + "; last lines of " + log + ":\n" + logTail());
    }

    /**
     * @return the exit code
     * @throws IllegalStateException (with the log tail) when it is still running after the timeout
     */
    public int awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new IllegalStateException(
                    name + " still running after " + timeout + "; last lines of " + log + ":\n" + logTail());
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String logTail() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.length() > TAIL_CHARS ? "..." + all.substring(all.length() - TAIL_CHARS) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, for fault tests: nothing graceful happens (no deregistration, no flush). */
    public void kill() {
        sendKill();
        waitFor(stopGrace);
    }

    /** SIGKILL without waiting for the end: to kill several processes at one instant, then {@link #kill} each. */
    public void sendKill() {
        process.destroyForcibly();
    }

    /**
     * SIGTERM without waiting for the end: the process stops cleanly while the caller goes on; {@link #close} then
     * waits for it (and kills it if it is still not gone after the grace).
     */
    public void sendStop() {
        process.destroy();
    }

    /** SIGTERM, so the process deregisters and closes its resources; SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(stopGrace)) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
