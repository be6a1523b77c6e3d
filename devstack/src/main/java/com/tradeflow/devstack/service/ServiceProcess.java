package com.tradeflow.devstack.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as a child JVM ({@code java -jar <module>/target/<module>.jar}), output appended to its log file,
 * ready when {@code /actuator/health} says UP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final long POLL_MILLIS = 250;
    private static final long STOP_GRACE_SECONDS = 20;

    private final ServiceName name;
    private final int httpPort;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceName name, int httpPort, Process process, Path log) {
        this.name = name;
        this.httpPort = httpPort;
        this.process = process;
        this.log = log;
    }

    /**
     * @param env    added to this JVM's environment (addresses, ports)
     * @throws IllegalStateException with the log tail when it exits or is not healthy in time
     */
    public static ServiceProcess start(ServiceName name, Path jar, int httpPort, Map<String, String> env,
            List<String> jvmOptions, Path logDir, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name.module() + " is not built: " + jar + " is missing (run mvn package)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name.module() + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            ServiceProcess service = new ServiceProcess(name, httpPort, builder.start(), log);
            service.awaitHealthy(timeout);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name.module() + ": " + e.getMessage(), e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name.module() + " exited with " + process.exitValue()
                        + " while starting; last lines of " + log + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name.module(), e);
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException(name.module() + " was not healthy within " + timeout + "; last lines of "
                + log + ":\n" + logTail());
    }

    public ServiceName name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
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
            return all.length() > 5000 ? "..." + all.substring(all.length() - 5000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, for fault tests: no graceful deregistration. */
    public void kill() {
        process.destroyForcibly();
        waitFor(STOP_GRACE_SECONDS);
    }

    /** SIGTERM (Dubbo deregisters, Spring closes pools), SIGKILL if it does not stop in time. */
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

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
