package com.tradeflow.rocketmq.server;

import com.tradeflow.childprocess.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the RocketMQ runtime is, where it keeps its data, its ports and the topics it creates up front.
 *
 * @param brokerPort the broker's port; it also listens on {@code brokerPort - 2} (fast channel); it has no HA
 *                   port ({@link NoReplicasHaService})
 * @param credentials what clients must sign their requests with; null: the broker accepts unsigned requests
 */
public record RocketMqServerOptions(
        Path runtimeDir,
        Path workDir,
        int namesrvPort,
        int brokerPort,
        List<String> topics,
        String heap,
        Duration startTimeout,
        BrokerCredentials credentials) {

    /** Where the broker listens besides its port: its fast (VIP) channel. */
    private static final int FAST_PORT_OFFSET = -2;

    /** The runtime built by {@code mvn package} under the project root. */
    public static RocketMqServerOptions of(
            Path projectRoot, Path workDir, int namesrvPort, int brokerPort, List<String> topics) {
        return new RocketMqServerOptions(
                projectRoot.resolve("tools/rocketmq-server/target"),
                workDir,
                namesrvPort,
                brokerPort,
                List.copyOf(topics),
                "128m",
                Duration.ofSeconds(90),
                null);
    }

    /** The same server, serving only requests signed with these credentials. */
    public RocketMqServerOptions withCredentials(BrokerCredentials credentials) {
        return new RocketMqServerOptions(
                runtimeDir, workDir, namesrvPort, brokerPort, topics, heap, startTimeout, credentials);
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
        return FreePorts.pickWith(FAST_PORT_OFFSET);
    }

    public static int freePort() {
        return FreePorts.pick();
    }
}
