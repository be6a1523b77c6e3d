package com.tradeflow.rocketmq.server;

import com.tradeflow.childprocess.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The RocketMQ name server and broker ({@link RocketMqServerMain}) in their own JVM. */
public final class RocketMqServerProcess implements AutoCloseable {

    /** The broker flushes and unregisters on SIGTERM; that takes 11-21 s on 2 cores. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private static final String DIRECT_MEMORY = "64m";

    private final RocketMqServerOptions options;
    private final ChildProcess process;

    private RocketMqServerProcess(RocketMqServerOptions options, ChildProcess process) {
        this.options = options;
        this.process = process;
    }

    /**
     * Starts the name server and broker and waits until the broker's route, with every topic, is registered.
     *
     * @throws IllegalStateException with the tail of its output when it exits or is not ready in time
     */
    public static RocketMqServerProcess start(RocketMqServerOptions options) {
        if (!Files.isRegularFile(options.jar()) || !Files.isDirectory(options.libDir())) {
            throw new IllegalStateException("RocketMQ runtime not found in " + options.runtimeDir()
                    + ": build it with 'mvn -pl tools/rocketmq-server package'");
        }
        try {
            Path data = Files.createDirectories(options.workDir().resolve("data"));
            Files.deleteIfExists(data.resolve(RocketMqServerMain.READY_FILE));
            Map<String, String> env = options.credentials() == null
                    ? Map.of()
                    : options.credentials().asEnvironment();
            ChildProcess process = ChildProcess.start(
                    "RocketMQ", command(options, data), env, options.workDir().resolve("rocketmq.out"), STOP_GRACE);
            process.awaitReady(() -> Files.exists(data.resolve(RocketMqServerMain.READY_FILE)), options.startTimeout());
            return new RocketMqServerProcess(options, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start RocketMQ", e);
        }
    }

    static List<String> command(RocketMqServerOptions options, Path data) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.add("-Xmx" + options.heap());
        command.add("-XX:MaxDirectMemorySize=" + DIRECT_MEMORY);
        command.add("-XX:+UseSerialGC");
        // RocketMQ logs to ${user.home}/logs/rocketmqlogs
        command.add("-Duser.home=" + options.workDir().toAbsolutePath());
        command.add("-cp");
        command.add(options.jar().toAbsolutePath() + java.io.File.pathSeparator
                + options.libDir().toAbsolutePath() + "/*");
        command.add(RocketMqServerMain.class.getName());
        command.add("--namesrv-port");
        command.add(String.valueOf(options.namesrvPort()));
        command.add("--broker-port");
        command.add(String.valueOf(options.brokerPort()));
        command.add("--data-dir");
        command.add(data.toAbsolutePath().toString());
        command.add("--topics");
        command.add(String.join(",", options.topics()));
        return command;
    }

    public String namesrvAddr() {
        return options.namesrvAddr();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines it printed, for error messages. */
    public String outputTail() {
        return process.logTail();
    }

    /** SIGKILL, for fault tests. */
    public void kill() {
        process.kill();
    }

    /**
     * SIGTERM without waiting: the broker stops cleanly (8-21 s on 2 cores) while the caller goes on; it refuses
     * requests within a few seconds. {@link #close} waits for the end.
     */
    public void beginStop() {
        process.sendStop();
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.close();
    }
}
