package com.tradeflow.rocketmq.server;

import com.alibaba.fastjson2.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A RocketMQ name server and one broker in this JVM, for the local stack and the tests:
 * {@code --namesrv-port N --broker-port M --data-dir DIR [--topics a,b]}. Writes {@value #READY_FILE} into the data
 * directory once the broker's route (with every topic) is registered. Settings and gotchas from
 * ../shared/INFRA-NOTES.md: the remoting version property, repeated broker registration, topics created up
 * front, transaction op batches faster than check-backs, small store files and messages. With
 * {@value BrokerCredentials#ACCESS_KEY_VARIABLE} and {@value BrokerCredentials#SECRET_KEY_VARIABLE} in its
 * environment the broker serves only requests signed with them (RocketMQ's ACL 2.0, authentication).
 */
public final class RocketMqServerMain {

    static final String READY_FILE = "ready";
    /** Every port of the embedded name server and broker listens here only: nothing outside this machine. */
    private static final String LOOPBACK = "127.0.0.1";

    private static final int QUEUES_PER_TOPIC = 4;
    private static final int COMMIT_LOG_FILE_BYTES = 16 * 1024 * 1024;
    private static final int CONSUME_QUEUE_FILE_ENTRIES = 30_000 * 20;
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int INDEX_HASH_SLOTS = 10_000;
    private static final int INDEX_ENTRIES = 40_000;
    /** Half messages are checked back after 5 s; ops are batched well within that (gotcha 4). */
    private static final long TRANSACTION_CHECK_INTERVAL_MILLIS = 5_000;

    private static final int TRANSACTION_OP_BATCH_INTERVAL_MILLIS = 1_000;
    /**
     * Check-backs before the broker gives a half message up (parks it in TRANS_CHECK_MAX_TIME_TOPIC): 60 x 5 s,
     * about 5 minutes for the producer to come back. The default 15 (75 s here) was shorter than a consumer-web
     * restart on a busy machine, and the message was given up a second before the instance could answer.
     */
    private static final int TRANSACTION_CHECK_MAX = 60;

    private static final int REGISTRATION_ATTEMPTS = 100;
    private static final long REGISTRATION_PAUSE_MILLIS = 100;

    private RocketMqServerMain() {}

    public static void main(String[] args) {
        try {
            start(args);
        } catch (Exception | LinkageError e) {
            // the name server's threads would keep a half-started JVM alive
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void start(String[] args) throws Exception {
        int namesrvPort = Integer.parseInt(arg(args, "--namesrv-port", "9876"));
        int brokerPort = Integer.parseInt(arg(args, "--broker-port", "10911"));
        Path dataDir = Files.createDirectories(
                Path.of(arg(args, "--data-dir", ".rocketmq")).toAbsolutePath());
        List<String> topics = new ArrayList<>();
        for (String topic : arg(args, "--topics", "").split(",")) {
            if (!topic.isBlank()) {
                topics.add(topic.trim());
            }
        }
        Files.deleteIfExists(dataDir.resolve(READY_FILE));
        // gotcha 1: without it clients see "No route info of this topic"
        System.setProperty("rocketmq.remoting.version", String.valueOf(MQVersion.CURRENT_VERSION));

        NamesrvController namesrv = startNamesrv(namesrvPort, dataDir);
        Optional<BrokerCredentials> credentials = BrokerCredentials.fromEnvironment(System.getenv());
        BrokerController broker = startBroker(namesrvPort, brokerPort, dataDir, credentials);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.shutdown();
                            namesrv.shutdown();
                        },
                        "rocketmq-shutdown"));

        for (String topic : topics) {
            broker.getTopicConfigManager()
                    .updateTopicConfig(new TopicConfig(topic, QUEUES_PER_TOPIC, QUEUES_PER_TOPIC));
        }
        registerUntilRouted(broker, namesrv, topics);
        Files.writeString(dataDir.resolve(READY_FILE), "namesrv 127.0.0.1:" + namesrvPort + "\n");
        System.out.println("RocketMQ ready: name server 127.0.0.1:" + namesrvPort + ", broker 127.0.0.1:"
                + brokerPort + ", topics " + topics + ", "
                + credentials
                        .map(c -> "requests signed by access key " + c.accessKey() + " only")
                        .orElse("unsigned requests accepted"));
    }

    private static NamesrvController startNamesrv(int port, Path dataDir) throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(dataDir.resolve("namesrv/kvConfig.json").toString());
        config.setConfigStorePath(dataDir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(LOOPBACK);
        server.setListenPort(port);
        NamesrvController namesrv = new NamesrvController(config, server, new NettyClientConfig());
        if (!namesrv.initialize()) {
            throw new IllegalStateException("RocketMQ name server did not initialise on port " + port);
        }
        namesrv.start();
        return namesrv;
    }

    private static BrokerController startBroker(
            int namesrvPort, int port, Path dataDir, Optional<BrokerCredentials> credentials) throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-a");
        config.setBrokerClusterName("tradeflow");
        config.setNamesrvAddr("127.0.0.1:" + namesrvPort);
        config.setBrokerIP1("127.0.0.1");
        config.setListenPort(port);
        config.setAutoCreateTopicEnable(false);
        config.setTransactionCheckInterval(TRANSACTION_CHECK_INTERVAL_MILLIS);
        config.setTransactionOpBatchInterval(TRANSACTION_OP_BATCH_INTERVAL_MILLIS);
        config.setTransactionCheckMax(TRANSACTION_CHECK_MAX);
        NettyServerConfig server = new NettyServerConfig();
        // the fast (VIP) port's server is a copy of this one, so it binds loopback too
        server.setBindAddress(LOOPBACK);
        server.setListenPort(port);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dataDir.resolve("store").toString());
        store.setStorePathCommitLog(dataDir.resolve("store/commitlog").toString());
        store.setMappedFileSizeCommitLog(COMMIT_LOG_FILE_BYTES);
        store.setMappedFileSizeConsumeQueue(CONSUME_QUEUE_FILE_ENTRIES);
        store.setMaxMessageSize(MAX_MESSAGE_BYTES);
        store.setMaxHashSlotNum(INDEX_HASH_SLOTS);
        store.setMaxIndexNum(INDEX_ENTRIES);
        store.setTimerWheelEnable(false);
        BrokerController broker = new BrokerController(
                config,
                server,
                new NettyClientConfig(),
                store,
                credentials.map(c -> authentication(config, c)).orElse(null));
        if (!broker.initialize()) {
            throw new IllegalStateException("RocketMQ broker did not initialise on port " + port);
        }
        broker.start();
        if (!(broker.getMessageStore().getHaService() instanceof NoReplicasHaService)) {
            // RocketMQ's own replication would listen on all interfaces and serve the commit log to anyone
            throw new IllegalStateException("the broker did not load " + NoReplicasHaService.class.getName()
                    + " (META-INF/service/org.apache.rocketmq.store.ha.HAService missing from the class path?)");
        }
        return broker;
    }

    /**
     * Every request must carry a valid signature of the one user; no authorization rules: that user may do
     * everything (the services produce and consume every topic). Its user lives in {@link InMemoryUsers}.
     */
    private static AuthConfig authentication(BrokerConfig broker, BrokerCredentials credentials) {
        AuthConfig auth = new AuthConfig();
        auth.setConfigName(broker.getBrokerName());
        auth.setClusterName(broker.getBrokerClusterName());
        auth.setAuthenticationEnabled(true);
        auth.setAuthenticationMetadataProvider(InMemoryUsers.class.getName());
        auth.setInitAuthenticationUser(
                JSON.toJSONString(Map.of("username", credentials.accessKey(), "password", credentials.secretKey())));
        return auth;
    }

    /** Gotcha 2: registration can silently not happen; repeat until the name server routes every topic. */
    private static void registerUntilRouted(BrokerController broker, NamesrvController namesrv, List<String> topics)
            throws InterruptedException {
        for (int attempt = 0; attempt < REGISTRATION_ATTEMPTS; attempt++) {
            broker.registerBrokerAll(true, false, true);
            if (topics.stream().allMatch(t -> namesrv.getRouteInfoManager().pickupTopicRouteData(t) != null)
                    && !namesrv.getRouteInfoManager()
                            .getAllTopicList()
                            .getTopicList()
                            .isEmpty()) {
                return;
            }
            Thread.sleep(REGISTRATION_PAUSE_MILLIS);
        }
        throw new IllegalStateException("the broker's route never reached the name server");
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
