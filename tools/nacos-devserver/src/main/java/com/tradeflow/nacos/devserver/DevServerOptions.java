package com.tradeflow.nacos.devserver;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link NacosDevServer} runs. Port 0 picks a free port (for tests); the gRPC port is always the HTTP port
 * + 1000, because nacos-client derives it that way from the server address.
 *
 * @param host               loopback by default: there is no authentication, so nothing else may reach it
 * @param port               HTTP port; gRPC listens on port + 1000
 * @param dataDir            where configs are snapshotted; null keeps them in memory only
 * @param pushDelay          changes to a service within this window are pushed to subscribers as one
 * @param idleBeforeDetection a gRPC connection silent this long is asked whether it is alive
 * @param detectionGrace     ... and dropped, with its instances, if it is still silent after this
 * @param heartbeatTimeout   an HTTP (1.x client) instance without beats this long is unhealthy
 * @param deleteTimeout      ... and removed after this
 */
public record DevServerOptions(
        String host,
        int port,
        Path dataDir,
        Duration pushDelay,
        Duration idleBeforeDetection,
        Duration detectionGrace,
        Duration heartbeatTimeout,
        Duration deleteTimeout) {

    public static final int DEFAULT_PORT = 8848;
    public static final int GRPC_PORT_OFFSET = 1000;

    public static DevServerOptions defaults() {
        return new DevServerOptions(
                "127.0.0.1",
                DEFAULT_PORT,
                null,
                Duration.ofMillis(50),
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofSeconds(30));
    }

    public DevServerOptions withPort(int port) {
        return new DevServerOptions(
                host, port, dataDir, pushDelay, idleBeforeDetection, detectionGrace, heartbeatTimeout, deleteTimeout);
    }

    public DevServerOptions withDataDir(Path dataDir) {
        return new DevServerOptions(
                host, port, dataDir, pushDelay, idleBeforeDetection, detectionGrace, heartbeatTimeout, deleteTimeout);
    }

    public DevServerOptions withHeartbeatTimeouts(Duration heartbeatTimeout, Duration deleteTimeout) {
        return new DevServerOptions(
                host, port, dataDir, pushDelay, idleBeforeDetection, detectionGrace, heartbeatTimeout, deleteTimeout);
    }

    public DevServerOptions withConnectionDetection(Duration idleBeforeDetection, Duration detectionGrace) {
        return new DevServerOptions(
                host, port, dataDir, pushDelay, idleBeforeDetection, detectionGrace, heartbeatTimeout, deleteTimeout);
    }
}
