package com.tradeflow.rocketmq.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the RocketMQ runtime is, where it keeps its data, its ports and the topics it creates up front.
 *
 * @param brokerPort the broker's port; it also listens on {@code brokerPort - 2} (fast channel) and
 *                   {@code brokerPort + 1} (HA)
 */
public record RocketMqServerOptions(Path runtimeDir, Path workDir, int namesrvPort, int brokerPort,
                                    List<String> topics, String heap, Duration startTimeout) {

    private static final int PORT_ATTEMPTS = 50;

    /** The runtime built by {@code mvn package} under the project root. */
    public static RocketMqServerOptions of(Path projectRoot, Path workDir, int namesrvPort, int brokerPort,
            List<String> topics) {
        return new RocketMqServerOptions(projectRoot.resolve("rocketmq-server/target"), workDir, namesrvPort,
                brokerPort, List.copyOf(topics), "128m", Duration.ofSeconds(90));
    }

    Path jar() {
        return runtimeDir.resolve("rocketmq-server.jar");
    }

    Path libDir() {
        return runtimeDir.resolve("rocketmq-server/lib");
    }

    public String namesrvAddr() {
        return "127.0.0.1:" + namesrvPort;
    }

    /** A broker port whose neighbours the broker also takes are free too. */
    public static int freeBrokerPort() {
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            if (port > 2 && port < 65535 && isFree(port - 2) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port triple for the RocketMQ broker");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
