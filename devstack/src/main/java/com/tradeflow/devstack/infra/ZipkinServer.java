package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack's trace backend: Zipkin's own server ({@code io.zipkin:zipkin-server}, its exec jar from Maven
 * Central, copied to {@code devstack/target/zipkin/} by the build), spans kept in memory, on 127.0.0.1 only. The
 * services send it their spans ({@code ZIPKIN_URL}); its UI and API answer on the same port. Launched early and
 * awaited before the services, so that its start overlaps the other servers'.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /**
     * Spans kept in memory at most (Zipkin's in-memory store drops the oldest traces beyond). Measured: about 2.6 KB
     * of heap per stored span (55.6 MB of old generation after a full GC with 13,589 spans of the bench's purchases);
     * 30,000 spans take about 80 MB of the 256 MB heap ({@code DevStack}). At 200,000 (before) the heap filled after
     * about 25 minutes of benchmark load and the JVM then ran full collections back to back: a whole core, for good.
     */
    private static final int MAX_SPANS = 30_000;

    private final ChildProcess process;
    private final int port;

    private ZipkinServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param jvmOptions heap and JIT settings
     * @throws IllegalStateException the jar is missing (devstack not built), or the JVM cannot be started
     */
    public static ZipkinServer launch(Path jar, int port, List<String> jvmOptions, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Zipkin's server is missing: " + jar + " (run mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                // Armeria's port, bound to loopback only (its default is every interface)
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http",
                "--zipkin.storage.type=mem",
                "--zipkin.storage.mem.max-spans=" + MAX_SPANS,
                "--logging.level.root=WARN"));
        try {
            return new ZipkinServer(
                    ChildProcess.start("zipkin", command, Map.of(), logDir.resolve("zipkin.log"), STOP_GRACE), port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Zipkin: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException it exited, or did not answer in time (with its log's tail) */
    public void awaitReady(Duration timeout) {
        process.awaitReady(
                HttpProbe.answering(URI.create(url() + "/health"), response -> response.statusCode() == 200), timeout);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
