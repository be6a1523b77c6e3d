package com.tradeflow.seata.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Seata TC as a child process: started with the settings proven in INFRA-NOTES, ready when its RPC port
 * accepts connections, stopped with SIGTERM (it deregisters from Nacos) or killed for fault tests.
 */
public final class SeataServerProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "io.seata.server.ServerApplication";
    private static final long POLL_MILLIS = 200;
    private static final long STOP_GRACE_SECONDS = 15;

    private final SeataServerOptions options;
    private final Process process;
    private final Path log;

    private SeataServerProcess(SeataServerOptions options, Process process, Path log) {
        this.options = options;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the TC and waits for its RPC port.
     *
     * @throws IllegalStateException with the tail of its output when it exits or does not open the port in time
     */
    public static SeataServerProcess start(SeataServerOptions options) {
        if (!Files.isDirectory(options.libDir())) {
            throw new IllegalStateException("Seata server runtime not found in " + options.libDir()
                    + ": build it with 'mvn -pl seata-config package'");
        }
        try {
            Path store = Files.createDirectories(options.workDir().resolve("store"));
            Path logs = Files.createDirectories(options.workDir().resolve("logs"));
            Path out = options.workDir().resolve("seata-server.out");
            Process process = new ProcessBuilder(command(options, store, logs)).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            SeataServerProcess server = new SeataServerProcess(options, process, out);
            server.awaitPort();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Seata server", e);
        }
    }

    static List<String> command(SeataServerOptions options, Path store, Path logs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.heap());
        command.add("-XX:+UseSerialGC");
        command.add("-Dserver.port=" + options.consolePort());
        command.add("-Dserver.address=127.0.0.1");
        command.add("-Dseata.server.service-port=" + options.rpcPort());
        command.add("-Dseata.store.mode=file");
        command.add("-Dseata.store.file.dir=" + store);
        command.add("-Dlog.home=" + logs);
        if (options.nacosAddr() == null) {
            command.add("-Dseata.config.type=file");
            command.add("-Dseata.registry.type=file");
        } else {
            command.add("-Dseata.config.type=nacos");
            command.add("-Dseata.config.nacos.server-addr=" + options.nacosAddr());
            command.add("-Dseata.config.nacos.group=" + SeataServerOptions.NACOS_GROUP);
            command.add("-Dseata.config.nacos.namespace=");
            command.add("-Dseata.config.nacos.data-id=seataServer.properties");
            command.add("-Dseata.registry.type=nacos");
            command.add("-Dseata.registry.nacos.server-addr=" + options.nacosAddr());
            command.add("-Dseata.registry.nacos.application=" + SeataServerOptions.NACOS_APPLICATION);
            command.add("-Dseata.registry.nacos.group=" + SeataServerOptions.NACOS_GROUP);
            command.add("-Dseata.registry.nacos.cluster=" + SeataServerOptions.CLUSTER);
            command.add("-Dseata.registry.nacos.namespace=");
            // its nacos-client 1.4 keeps caches and logs under ~ unless told otherwise
            command.add("-DJM.LOG.PATH=" + logs);
            command.add("-DJM.SNAPSHOT.PATH=" + options.workDir());
            command.add("-Dcom.alibaba.nacos.naming.cache.dir=" + options.workDir().resolve("naming"));
        }
        command.add("-cp");
        command.add(options.libDir().toAbsolutePath() + "/*");
        command.add(MAIN_CLASS);
        command.add("-h");
        command.add(options.advertisedHost());
        command.add("-p");
        command.add(String.valueOf(options.rpcPort()));
        return command;
    }

    private void awaitPort() {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Seata server exited with " + process.exitValue()
                        + " while starting; output:\n" + outputTail());
            }
            if (portOpen()) {
                return;
            }
            sleep(POLL_MILLIS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Seata server did not open port " + options.rpcPort() + " within "
                + options.startTimeout() + "; output:\n" + outputTail());
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", options.rpcPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public int rpcPort() {
        return options.rpcPort();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the TC printed, for error messages. */
    public String outputTail() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.length() > 4000 ? "..." + all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, for fault tests: no deregistration, no session flush. */
    public void kill() {
        process.destroyForcibly();
        waitFor(STOP_GRACE_SECONDS);
    }

    /** SIGTERM first, so it deregisters from Nacos; SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(STOP_GRACE_SECONDS)) {
            kill();
        }
    }

    private boolean waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Seata server", e);
        }
    }
}
