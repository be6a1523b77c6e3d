package com.tradeflow.devstack;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.exception.NacosException;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.auth.client.SignInFile;
import com.tradeflow.devstack.DevStackOptions.Instances;
import com.tradeflow.devstack.infra.AuthServerProcess;
import com.tradeflow.devstack.infra.CoordinatorCluster;
import com.tradeflow.devstack.infra.EmbeddedRedis;
import com.tradeflow.devstack.infra.Ports;
import com.tradeflow.devstack.infra.ZipkinServer;
import com.tradeflow.devstack.service.InstancePorts;
import com.tradeflow.devstack.service.ServiceInstance;
import com.tradeflow.devstack.service.ServiceName;
import com.tradeflow.devstack.service.ServiceProcess;
import com.tradeflow.gatewaysim.GatewaySim;
import com.tradeflow.gatewaysim.GatewaySimOptions;
import com.tradeflow.mariadb.EmbeddedMariaDb;
import com.tradeflow.nacos.devserver.DevServerOptions;
import com.tradeflow.nacos.devserver.NacosDevServer;
import com.tradeflow.nacosconfig.NacosConfigImporter;
import com.tradeflow.rocketmq.server.RocketMqServerOptions;
import com.tradeflow.rocketmq.server.RocketMqServerProcess;
import com.tradeflow.seata.config.SeataServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack, started in dependency order and stopped in reverse: MariaDB, Redis, nacos-devserver
 * (then the config-center import), the Seata TC, RocketMQ, gateway-sim, then the services three at a time
 * (provider-inventory, provider-account, the consumer-web instances); auth-server (the issuer of end users' tokens)
 * starts alongside from the beginning and is awaited before the services. If a part fails to start, what was started
 * is stopped and the error says which part and why.
 *
 * <p>Embeddable: the e2e suite starts one per run and kills or restarts services through it.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private final DevStackOptions options;
    private static final String HTTP_SERVER_NO_DELAY = "sun.net.httpserver.nodelay";
    private static final int SERVICE_START_LANES = 3;
    /** Signing in a few thousand users and answering discovery: no database, no caches. */
    private static final String AUTH_SERVER_HEAP = "160m";
    /** Zipkin keeps its spans in memory (at most 30,000: about 80 MB, see {@code ZipkinServer}). */
    private static final String ZIPKIN_HEAP = "256m";
    /** The embedded TC's console sign-in: seata-server's defaults (console.user.*); its console is on loopback. */
    private static final String EMBEDDED_TC_CONSOLE_USER = "seata";

    private static final String EMBEDDED_TC_CONSOLE_PASSWORD = "seata";
    /**
     * Test stacks (faults enabled): a killed TC node's sessions are finished sooner than seataServer.properties says,
     * within a test's wait. A session it left in phase two is taken over 20 s after it began, not a minute (a live
     * node's phase two ends in well under that on the test stack; a failed one turns into a retry status, which any
     * node takes at once). An XA branch the dead node had committed answers XAER_NOTA to the survivor's commit, which
     * is retried until the transaction's timeout plus this (Seata's floor is the timeout, 30 s), not plus a minute.
     */
    private static final Map<String, String> TEST_TC_SETTINGS =
            Map.of("server.retryDeadThreshold", "20000", "server.xaerNotaRetryTimeout", "30000");

    /**
     * Test stacks: an ordered subscriber takes up its queues again within seconds of a broker restart or of another
     * instance's end, not RocketMQ's 20 s: it asks the broker for its queue locks (lockInterval) and rebalances
     * (waitInterval) every 2 s. The event fault tests wait for exactly that.
     */
    private static final List<String> TEST_ROCKETMQ_CLIENT =
            List.of("-Drocketmq.client.rebalance.lockInterval=2000", "-Drocketmq.client.rebalance.waitInterval=2000");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** Every service instance started so far, in start order (a stopped one stays, for its restart). */
    private final Map<ServiceInstance, ServiceProcess> services = new LinkedHashMap<>();
    /** Where each instance listens, fixed at its first start so that a restart comes back on the same ports. */
    private final Map<ServiceInstance, InstancePorts> instancePorts = new ConcurrentHashMap<>();
    /** Topics the broker creates up front (auto-creation delays the first consumption by ~40 s). */
    static final List<String> EVENT_TOPICS = EventTopics.all();

    private EmbeddedMariaDb mariaDb;
    private CoordinatorCluster coordinators;
    private RocketMqServerProcess broker;
    private EmbeddedRedis redis;
    private AuthServerProcess authServer;
    private ZipkinServer zipkin;

    private DevStack(DevStackOptions options) {
        this.options = options;
    }

    public static DevStack start(DevStackOptions options) {
        // the JDK HTTP servers in this JVM (nacos-devserver, gateway-sim) read it once, at the first server: without
        // it every keep-alive request waits ~40 ms for the client's delayed ACK
        if (System.getProperty(HTTP_SERVER_NO_DELAY) == null) {
            System.setProperty(HTTP_SERVER_NO_DELAY, "true");
        }
        DevStack stack = new DevStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        checkPorts();
        if (options.identity().embedded()) {
            launchAuthServer();
        }
        if (options.tracing().embedded()) {
            zipkin = ZipkinServer.launch(
                    options.root().resolve("devstack/target/zipkin/zipkin-server.jar"),
                    options.tracing().zipkinPort(),
                    jvmOptions(ZIPKIN_HEAP, List.of()),
                    options.logDir());
            started.push(zipkin);
        }
        if (options.embeddedMysql()) {
            mariaDb = EmbeddedMariaDb.start(options.workDir().resolve("mariadb"), options.mysqlPort());
            started.push(mariaDb);
            recordProcesses();
        }
        createDatabases();
        if (options.redisUrl() == null) {
            startRedis();
        }
        if (options.nacosAddr() == null) {
            started.push(NacosDevServer.start(DevServerOptions.defaults()
                    .withPort(options.nacosPort())
                    .withDataDir(options.workDir().resolve("nacos"))));
        }
        importConfig();
        if (options.seataAddr() == null) {
            startCoordinators();
        }
        if (options.rocketmqNamesrv() == null) {
            startBroker();
        }
        if (options.embeddedGateway()) {
            startGateway();
        }
        if (authServer != null) {
            awaitAuthServer();
        }
        if (zipkin != null) {
            zipkin.awaitReady(options.serviceStartTimeout());
            recordProcesses();
            log.info("Zipkin (traces) on {}", zipkin.url());
        }
        startServices(configuredInstances(), Map.of());
        recordProcesses();
    }

    /** The instances {@code DEVSTACK_SERVICES} and {@code DEVSTACK_INSTANCES} ask for, in start order. */
    private List<ServiceInstance> configuredInstances() {
        return options.instances().startOrder(options.services());
    }

    /**
     * Starts services {@value #SERVICE_START_LANES} at a time, each waited for until healthy. None calls another
     * while it starts (references are lazy), and a JVM's start is mostly one busy thread, with the JIT and the
     * collector beside it: two lanes started the four services of the test stack in about two thirds of the time of
     * one; a third keeps both cores busy while a lane waits (a second instance of a jar waits for the first one's
     * class archive) or one start ends long before the other.
     *
     * @throws RuntimeException the first failure, after every start has ended (what started is in {@link #started})
     */
    private void startServices(List<ServiceInstance> names, Map<String, String> overrides) {
        ExecutorService lanes = Executors.newFixedThreadPool(Math.min(SERVICE_START_LANES, names.size()), r -> {
            Thread lane = new Thread(r, "service-start");
            lane.setDaemon(true);
            return lane;
        });
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (ServiceInstance name : names) {
                starts.add(lanes.submit(() -> startService(name, overrides)));
            }
            RuntimeException failure = null;
            for (Future<?> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting " + names, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lanes.shutdownNow();
        }
    }

    /** gateway-sim in this JVM: a real HTTP server to the services, with no faults until a test sets them. */
    private void startGateway() {
        GatewaySim gateway = GatewaySim.start(
                GatewaySimOptions.defaults(options.gatewayApiKey(), options.gatewaySecret(), options.adminToken())
                        .withPort(options.gatewayPort()));
        started.push(gateway);
        log.info("payment gateway (gateway-sim) on {}", gateway.baseUrl());
    }

    /**
     * auth-server with the demo users, launched first and awaited just before the services (which need it at their
     * first request, not at their start): its JVM starts while MariaDB, Nacos, the TC and the broker do.
     */
    private void launchAuthServer() {
        DevStackOptions.Identity identity = options.identity();
        authServer = AuthServerProcess.launch(
                options.root().resolve("tools/auth-server/target/auth-server.jar"),
                identity.authPort(),
                identity.demoPassword(),
                identity.adminPassword(),
                jvmOptions(AUTH_SERVER_HEAP, List.of()),
                options.logDir());
        started.push(authServer);
    }

    /** Waits for auth-server; then its address and passwords are written for devstack's token command. */
    private void awaitAuthServer() {
        DevStackOptions.Identity identity = options.identity();
        authServer.awaitReady(options.serviceStartTimeout());
        SignInFile.write(
                options.workDir(), identity.effectiveIssuerUri(), identity.demoPassword(), identity.adminPassword());
        recordProcesses();
        log.info("auth-server (OpenID Connect issuer) on {}", identity.effectiveIssuerUri());
    }

    /**
     * The embedded TC: one node with the file store, or ({@code DEVSTACK_INSTANCES}) several sharing the db store in
     * {@value CoordinatorCluster#DATABASE}; node n on the TC's ports moved like a service instance's.
     */
    private void startCoordinators() {
        int size = options.instances().coordinators();
        SeataServerOptions.DbStore dbStore = size == 1
                ? null
                : new SeataServerOptions.DbStore(
                        "jdbc:mysql://" + options.effectiveMysqlHost() + ":" + options.mysqlPort() + "/"
                                + CoordinatorCluster.DATABASE + "?rewriteBatchedStatements=true&useSSL=false",
                        options.mysqlUser(),
                        options.mysqlPassword());
        InstancePorts first = firstCoordinatorPorts();
        Map<Integer, InstancePorts> nodePorts = new ConcurrentHashMap<>();
        coordinators = CoordinatorCluster.start(
                size,
                node -> {
                    // fixed at the first start of a node, so that a restart comes back on the same ports
                    InstancePorts at = nodePorts.computeIfAbsent(
                            node, n -> first.forInstance(n, options.instances().portStep(), Ports::free));
                    return SeataServerOptions.of(
                                    options.root().resolve("seata-config/target/seata-server/lib"),
                                    options.workDir().resolve(node == 1 ? "seata" : "seata-" + node))
                            .withPorts(at.http(), at.management())
                            .withNacos(options.effectiveNacosAddr())
                            // test stacks: every global transaction and branch in the TC's log, for the failure a
                            // test sees
                            .withTransactionLogs(options.faultsEnabled())
                            .withSettings(options.faultsEnabled() ? TEST_TC_SETTINGS : Map.of())
                            // a node restarted under load (a chaos run's heal) took over a minute on 2 cores
                            .withStartTimeout(options.serviceStartTimeout())
                            .withQuickStart(options.quickStartJvm())
                            .withDbStore(dbStore);
                },
                this::mysqlConnection);
        started.push(coordinators);
        recordProcesses();
        log.info(
                "Seata TC: {} node(s){}",
                size,
                size == 1 ? ", file store" : ", db store in " + CoordinatorCluster.DATABASE);
    }

    /** The stack users run traces every request; benchmarks and test stacks keep the services' default share. */
    private boolean tracesEveryRequest() {
        return options.tracing().everyRequest() && !options.benchmarkMode();
    }

    /** TC node 1's ports (RPC, console); node n's are these moved like a service instance's. */
    private InstancePorts firstCoordinatorPorts() {
        return new InstancePorts(options.seataPort(), options.seataConsolePort(), 0, 0);
    }

    private void startBroker() {
        broker = RocketMqServerProcess.start(RocketMqServerOptions.of(
                        options.root(),
                        options.workDir().resolve("rocketmq"),
                        options.rocketmqNamesrvPort(),
                        options.rocketmqBrokerPort(),
                        EVENT_TOPICS)
                .withCredentials(options.brokerCredentials()));
        started.push(broker);
        recordProcesses();
        log.info("RocketMQ name server on {}", options.effectiveRocketmqNamesrv());
    }

    /**
     * Stops the embedded RocketMQ broker and name server for outage tests: SIGTERM, a clean broker stop, which goes on
     * after this returns (the broker refuses requests within a few seconds, its stop takes 8-21 s on 2 cores: an
     * outage test's purchases overlap it). {@link #restartBroker} waits for the end.
     */
    public void stopBroker() {
        if (broker != null) {
            log.warn("stopping RocketMQ (pid {})", broker.pid());
            broker.beginStop();
        }
    }

    /**
     * Starts the embedded RocketMQ again on its ports and data directory, once a running or stopping one has ended;
     * waits until topics are routed.
     */
    public void restartBroker() {
        if (broker != null) {
            awaitBrokerStopped();
            startBroker();
        }
    }

    /** Stops the embedded RocketMQ (if {@link #stopBroker} has not) and waits for its end. */
    public void awaitBrokerStopped() {
        synchronized (this) {
            if (broker == null || !started.contains(broker)) {
                return;
            }
        }
        // not under the lock: the broker's clean stop takes seconds
        broker.close();
        synchronized (this) {
            started.remove(broker);
        }
        recordProcesses();
        log.info("RocketMQ stopped");
    }

    private void startRedis() {
        redis = EmbeddedRedis.start(options.redisPort());
        started.push(redis);
        recordProcesses();
    }

    /** Stops the embedded Redis (its process ends; no persistence: it comes back empty), for outage tests. */
    public void stopRedis() {
        requireEmbeddedRedis();
        if (redis != null) {
            log.warn("stopping Redis on port {}", redis.port());
            redis.close();
            started.remove(redis);
            recordProcesses();
        }
    }

    /** Starts the embedded Redis again on its port, empty (after {@link #stopRedis}, or a restart mid-test). */
    public void restartRedis() {
        requireEmbeddedRedis();
        stopRedis();
        startRedis();
    }

    private void requireEmbeddedRedis() {
        if (options.redisUrl() != null) {
            throw new IllegalStateException("Redis is external (REDIS_URL): this stack cannot stop or restart it");
        }
    }

    /** SIGKILL every node of the embedded Seata TC, for fault tests: the coordinator is down. */
    public void killCoordinator() {
        if (coordinators != null) {
            coordinators.killAll();
            recordProcesses();
        }
    }

    /**
     * Starts every node of the embedded TC again (the store brings back the sessions they had) and waits for their
     * ports.
     */
    public void restartCoordinator() {
        if (coordinators != null) {
            coordinators.restartAll();
            recordProcesses();
        }
    }

    /** The embedded TC's nodes, or null with an external TC ({@code SEATA_ADDR}). */
    public CoordinatorCluster coordinators() {
        return coordinators;
    }

    private void checkPorts() {
        if (options.embeddedGateway()) {
            Ports.requireFree(options.gatewayPort(), "payment gateway (gateway-sim)", "GATEWAY_PORT");
        }
        if (options.embeddedMysql()) {
            Ports.requireFree(options.mysqlPort(), "MariaDB", "MYSQL_PORT");
        }
        if (options.redisUrl() == null) {
            Ports.requireFree(options.redisPort(), "Redis", "REDIS_PORT");
        }
        if (options.nacosAddr() == null) {
            Ports.requireFree(options.nacosPort(), "Nacos HTTP", "NACOS_PORT");
            Ports.requireFree(
                    options.nacosPort() + DevServerOptions.GRPC_PORT_OFFSET,
                    "Nacos gRPC (NACOS_PORT+1000)",
                    "NACOS_PORT");
        }
        if (options.rocketmqNamesrv() == null) {
            Ports.requireFree(options.rocketmqNamesrvPort(), "RocketMQ name server", "ROCKETMQ_NAMESRV_PORT");
            Ports.requireFree(options.rocketmqBrokerPort(), "RocketMQ broker", "ROCKETMQ_BROKER_PORT");
            Ports.requireFree(
                    options.rocketmqBrokerPort() - 2,
                    "RocketMQ broker (ROCKETMQ_BROKER_PORT-2)",
                    "ROCKETMQ_BROKER_PORT");
        }
        if (options.seataAddr() == null) {
            Ports.requireFree(options.seataPort(), "Seata TC", "SEATA_PORT");
            Ports.requireFree(options.seataConsolePort(), "Seata console", "SEATA_CONSOLE_PORT");
            InstancePorts first = firstCoordinatorPorts();
            for (int node = 2;
                    options.instances().portStep() > 0
                            && node <= options.instances().coordinators();
                    node++) {
                InstancePorts at = first.forInstance(node, options.instances().portStep(), Ports::free);
                String moved = " (" + Instances.VARIABLE + " places node " + node + " above the first)";
                Ports.requireFree(at.http(), "Seata TC" + moved, "SEATA_PORT");
                Ports.requireFree(at.management(), "Seata console" + moved, "SEATA_CONSOLE_PORT");
            }
        }
        Ports.requireFree(options.inventoryHttpPort(), "provider-inventory HTTP", "INVENTORY_HTTP_PORT");
        Ports.requireFree(options.inventoryDubboPort(), "provider-inventory Dubbo", "INVENTORY_DUBBO_PORT");
        Ports.requireFree(options.accountHttpPort(), "provider-account HTTP", "ACCOUNT_HTTP_PORT");
        Ports.requireFree(options.accountDubboPort(), "provider-account Dubbo", "ACCOUNT_DUBBO_PORT");
        Ports.requireFree(options.webPort(), "consumer-web HTTP", "WEB_PORT");
        Ports.requireFree(managementPort(ServiceName.WEB), "consumer-web management (actuator)", "WEB_MANAGEMENT_PORT");
        if (options.services().contains(ServiceName.WEB_TRANSACTIONAL)) {
            Ports.requireFree(options.webTransactionalPort(), "consumer-web-txmsg HTTP", "WEB_TRANSACTIONAL_PORT");
            Ports.requireFree(
                    managementPort(ServiceName.WEB_TRANSACTIONAL),
                    "consumer-web-txmsg management " + "(actuator)",
                    "WEB_TRANSACTIONAL_MANAGEMENT_PORT");
        }
        if (options.identity().embedded()) {
            Ports.requireFree(options.identity().authPort(), "auth-server (OpenID Connect issuer)", "AUTH_PORT");
        }
        if (options.tracing().embedded()) {
            Ports.requireFree(options.tracing().zipkinPort(), "Zipkin (traces)", "ZIPKIN_PORT");
        }
        for (ServiceName service : options.services()) {
            Ports.requireFree(
                    options.sentinelPort(service),
                    service.instance() + " Sentinel command API",
                    sentinelPortVariable(service));
        }
        for (ServiceInstance instance : configuredInstances()) {
            if (instance.number() > 1) {
                requireFree(instance);
            }
        }
    }

    /** An instance beside the first: its ports are the first's moved, so the variable to change is the first's. */
    private void requireFree(ServiceInstance instance) {
        InstancePorts at = ports(instance);
        String moved = " (" + Instances.VARIABLE + " places it "
                + options.instances().portStep() * (instance.number() - 1) + " above its first instance's)";
        Ports.requireFree(at.http(), instance + " HTTP" + moved, httpPortVariable(instance.service()));
        if (at.management() != at.http()) {
            Ports.requireFree(at.management(), instance + " management" + moved, managementPortVariable(instance));
        }
        if (at.servesDubbo()) {
            Ports.requireFree(at.dubbo(), instance + " Dubbo" + moved, dubboPortVariable(instance.service()));
        }
        Ports.requireFree(
                at.sentinel(), instance + " Sentinel command API" + moved, sentinelPortVariable(instance.service()));
    }

    private void createDatabases() {
        try (Connection connection = mysqlConnection();
                Statement statement = connection.createStatement()) {
            for (String database : DevStackOptions.DATABASES) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                        + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create the databases on " + options.effectiveMysqlHost() + ":" + options.mysqlPort()
                            + " as " + options.mysqlUser() + ": " + e.getMessage(),
                    e);
        }
    }

    /** A connection to the stack's MySQL server, no database selected. */
    private Connection mysqlConnection() {
        String url = "jdbc:mariadb://" + options.effectiveMysqlHost() + ":" + options.mysqlPort() + "/";
        try {
            return DriverManager.getConnection(url, options.mysqlUser(), options.mysqlPassword());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot connect to " + options.effectiveMysqlHost() + ":" + options.mysqlPort() + " as "
                            + options.mysqlUser() + ": " + e.getMessage(),
                    e);
        }
    }

    private void importConfig() {
        Properties nacos = new Properties();
        nacos.setProperty(PropertyKeyConst.SERVER_ADDR, options.effectiveNacosAddr());
        try {
            for (NacosConfigImporter.Result result : NacosConfigImporter.importAll(nacos, false)) {
                log.info("config {}/{}: {}", result.group(), result.dataId(), result.outcome());
            }
        } catch (NacosException e) {
            throw new IllegalStateException(
                    "cannot import the config center content into Nacos at " + options.effectiveNacosAddr() + ": "
                            + e.getErrMsg(),
                    e);
        }
    }

    private void startService(ServiceInstance instance, Map<String, String> overrides) {
        log.info("starting {}{}", instance, overrides.isEmpty() ? "" : " with " + overrides.keySet());
        InstancePorts at = ports(instance);
        Map<String, String> env = serviceEnvironment();
        env.putAll(portEnvironment(instance.service(), at));
        // on one host, a TC that lost the channel a branch was registered on picks another of the same application id
        // and IP: each instance its own, so that phase two reaches the instance holding a prepared XA branch
        env.put("SEATA_APPLICATION_ID", instance.name());
        if (instance.service() == ServiceName.WEB_TRANSACTIONAL) {
            env.put("TRADEFLOW_EVENTS_PUBLISHER", "transactional-message");
        }
        env.putAll(overrides);
        ServiceName service = instance.service();
        ServiceProcess process = ServiceProcess.start(
                instance,
                options.root().resolve(service.module()).resolve("target").resolve(service.module() + ".jar"),
                at.management(),
                env,
                jvmOptions(instance),
                options.logDir(),
                options.serviceStartTimeout());
        synchronized (this) {
            services.put(instance, process);
            started.push(process);
        }
        recordProcesses();
        log.info("{} healthy on HTTP {}", instance, at.http());
    }

    /** The variables a service reads its own ports from, set to one instance's. */
    private static Map<String, String> portEnvironment(ServiceName service, InstancePorts at) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (service) {
            case INVENTORY -> {
                env.put("INVENTORY_HTTP_PORT", String.valueOf(at.http()));
                env.put("INVENTORY_DUBBO_PORT", String.valueOf(at.dubbo()));
            }
            case ACCOUNT -> {
                env.put("ACCOUNT_HTTP_PORT", String.valueOf(at.http()));
                env.put("ACCOUNT_DUBBO_PORT", String.valueOf(at.dubbo()));
            }
            case WEB, WEB_TRANSACTIONAL -> {
                env.put("WEB_PORT", String.valueOf(at.http()));
                env.put("MANAGEMENT_PORT", String.valueOf(at.management()));
            }
        }
        env.put("SENTINEL_TRANSPORT_PORT", String.valueOf(at.sentinel()));
        return env;
    }

    /**
     * Where an instance listens: the first on its service's configured ports; instance n on those moved by the
     * port step × (n - 1), or on free ports (test stacks). Fixed at the first ask, so a restart keeps them.
     */
    public InstancePorts ports(ServiceInstance instance) {
        return instancePorts.computeIfAbsent(instance, this::assignPorts);
    }

    private InstancePorts assignPorts(ServiceInstance instance) {
        ServiceName service = instance.service();
        InstancePorts first = new InstancePorts(
                httpPort(service),
                managementPort(service),
                switch (service) {
                    case INVENTORY -> options.inventoryDubboPort();
                    case ACCOUNT -> options.accountDubboPort();
                    case WEB, WEB_TRANSACTIONAL -> 0;
                },
                options.sentinelPort(service));
        return first.forInstance(instance.number(), options.instances().portStep(), Ports::free);
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NACOS_ADDR", options.effectiveNacosAddr());
        env.put("MYSQL_HOST", options.effectiveMysqlHost());
        env.put("MYSQL_PORT", String.valueOf(options.mysqlPort()));
        env.put("MYSQL_USER", options.mysqlUser());
        env.put("MYSQL_PASSWORD", options.mysqlPassword());
        env.put("REDIS_URL", options.effectiveRedisUrl());
        env.put("SEATA_ADDR", options.effectiveSeataAddr());
        if (options.seataAddr() != null) {
            // an external TC is addressed directly rather than looked up in Nacos
            env.put("SEATA_REGISTRY_TYPE", "file");
        } else {
            // the operations console lists the embedded TC's global transactions through its console API
            env.put("SEATA_CONSOLE_URL", "http://127.0.0.1:" + options.seataConsolePort());
            env.put("SEATA_CONSOLE_USER", EMBEDDED_TC_CONSOLE_USER);
            env.put("SEATA_CONSOLE_PASSWORD", EMBEDDED_TC_CONSOLE_PASSWORD);
        }
        env.put("ROCKETMQ_NAMESRV", options.effectiveRocketmqNamesrv());
        if (options.brokerCredentials() != null) {
            env.putAll(options.brokerCredentials().asEnvironment());
        }
        env.put("GATEWAY_URL", options.effectiveGatewayUrl());
        env.put("GATEWAY_API_KEY", options.gatewayApiKey());
        env.put("GATEWAY_SECRET", options.gatewaySecret());
        env.put("TRADEFLOW_ADMIN_TOKEN", options.adminToken());
        env.put("TRADEFLOW_EVENT_SIGNING_KEY", options.eventSigningKey());
        env.put("TRADEFLOW_RPC_CALLER_TOKEN", options.rpcCallerToken());
        env.put("OIDC_ISSUER_URI", options.identity().effectiveIssuerUri());
        env.put("ZIPKIN_URL", options.tracing().effectiveZipkinUrl());
        env.put("ZIPKIN_EXPORT", "true");
        if (tracesEveryRequest()) {
            env.put("TRACING_SAMPLING", "1.0");
        }
        if (options.sentinelDashboard() != null) {
            env.put("SENTINEL_DASHBOARD", options.sentinelDashboard());
        }
        env.put("TRADEFLOW_FAULTS_ENABLED", String.valueOf(options.faultsEnabled()));
        env.put(DevStackOptions.BENCHMARK_MODE_VARIABLE, String.valueOf(options.benchmarkMode()));
        if (options.faultsEnabled()) {
            // fault tests watch an outbox row refused by the broker go DEAD within a second or two
            env.put("OUTBOX_MAX_ATTEMPTS", "3");
            // the worker-id lease tests watch a lease taken over be replaced within a renewal (a quarter of this)
            env.put("ORDER_WORKER_LEASE", "20s");
            // the reconciliation tests watch a finding appear and clear within a few passes
            env.put("RECONCILIATION_INTERVAL", "1s");
            env.put("RECONCILIATION_IDLE_INTERVAL", "2s");
            env.put("RECONCILIATION_SETTLE_AFTER", "2s");
            // the coordinator tests wait for it to time out what a dead node or a killed TC left undecided; a test
            // holds a purchase open for a few seconds at most
            env.put("ORDER_TRANSACTION_TIMEOUT", "20s");
            // the console test watches a purchase show in the overview's figures
            env.put("OPS_HISTORY_INTERVAL", "2s");
            env.put("OUTBOX_INITIAL_BACKOFF", "200ms");
            // the broker outage tests wait for the relay's next try once the broker is back, not a minute
            env.put("OUTBOX_MAX_BACKOFF", "2s");
            // the event tests wait for rows the other web instance wrote (its relay looks every idle interval at
            // most), and for a service started while the broker was down to subscribe (every subscribe-retry)
            env.put("OUTBOX_IDLE_POLL_INTERVAL", "500ms");
            env.put("TRADEFLOW_EVENTS_SUBSCRIBERETRY", "1s");
            // top-up tests wait for the reconciliation job: query soon, recheck often, flag for review early, and
            // give up on a gateway answer (then retry) well before the injected timeouts answer
            env.put("TOPUP_RECONCILE_AFTER", "2s");
            env.put("TOPUP_RECHECK_MAX", "3s");
            env.put("TOPUP_IDLE_POLL_INTERVAL", "1s");
            env.put("TOPUP_REVIEW_AFTER", "6s");
            env.put("GATEWAY_REQUEST_TIMEOUT", "1s");
        }
        return env;
    }

    private List<String> jvmOptions(ServiceInstance instance) {
        Path nacosClient = options.workDir().resolve("nacos-client").resolve(instance.name());
        List<String> more = new ArrayList<>(List.of(
                "-DJM.LOG.PATH=" + options.logDir().resolve("nacos-client"),
                "-DJM.SNAPSHOT.PATH=" + nacosClient,
                "-Dcom.alibaba.nacos.naming.cache.dir=" + nacosClient,
                "-Duser.home=" + options.workDir().resolve("home").resolve(instance.name())));
        if (options.faultsEnabled()) {
            more.addAll(TEST_ROCKETMQ_CLIENT);
        }
        return jvmOptions(options.serviceHeap(), more);
    }

    /** A JVM the stack starts: its heap, the serial collector, small thread stacks, C1 only for quick starts. */
    private List<String> jvmOptions(String heap, List<String> more) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-Xss512k"));
        jvm.addAll(more);
        if (options.quickStartJvm()) {
            jvm.add("-XX:TieredStopAtLevel=1");
        }
        return jvm;
    }

    private static String httpPortVariable(ServiceName service) {
        return switch (service) {
            case WEB -> "WEB_PORT";
            case INVENTORY -> "INVENTORY_HTTP_PORT";
            case ACCOUNT -> "ACCOUNT_HTTP_PORT";
            case WEB_TRANSACTIONAL -> "WEB_TRANSACTIONAL_PORT";
        };
    }

    private static String dubboPortVariable(ServiceName service) {
        return service == ServiceName.INVENTORY ? "INVENTORY_DUBBO_PORT" : "ACCOUNT_DUBBO_PORT";
    }

    private static String managementPortVariable(ServiceInstance instance) {
        return instance.service() == ServiceName.WEB_TRANSACTIONAL
                ? "WEB_TRANSACTIONAL_MANAGEMENT_PORT"
                : "WEB_MANAGEMENT_PORT";
    }

    private static String sentinelPortVariable(ServiceName service) {
        return switch (service) {
            case WEB -> "WEB_SENTINEL_PORT";
            case INVENTORY -> "INVENTORY_SENTINEL_PORT";
            case ACCOUNT -> "ACCOUNT_SENTINEL_PORT";
            case WEB_TRANSACTIONAL -> "WEB_TRANSACTIONAL_SENTINEL_PORT";
        };
    }

    public int httpPort(ServiceName name) {
        return switch (name) {
            case INVENTORY -> options.inventoryHttpPort();
            case ACCOUNT -> options.accountHttpPort();
            case WEB -> options.webPort();
            case WEB_TRANSACTIONAL -> options.webTransactionalPort();
        };
    }

    /**
     * Where a service's actuator answers (health, metrics, test-only faults): a consumer-web instance's management
     * port, a provider's HTTP port (which serves nothing else).
     */
    public int managementPort(ServiceName name) {
        return options.webManagementPorts().getOrDefault(name, httpPort(name));
    }

    public String webUrl() {
        return "http://127.0.0.1:" + options.webPort();
    }

    /** The web API of one consumer-web instance. */
    public String webUrl(ServiceName web) {
        return "http://127.0.0.1:" + httpPort(web);
    }

    /** The web API of one consumer-web instance. */
    public String webUrl(ServiceInstance web) {
        return "http://127.0.0.1:" + ports(web).http();
    }

    public DevStackOptions options() {
        return options;
    }

    /** The first instance of a service. */
    public ServiceProcess service(ServiceName name) {
        return service(ServiceInstance.first(name));
    }

    public synchronized ServiceProcess service(ServiceInstance instance) {
        return services.get(instance);
    }

    /** Every instance started so far (running or not), in start order. */
    public synchronized List<ServiceInstance> instances() {
        return List.copyOf(services.keySet());
    }

    /** The instances of one service started so far (running or not). */
    public List<ServiceInstance> instances(ServiceName service) {
        return instances().stream().filter(i -> i.service() == service).toList();
    }

    /**
     * Starts one more instance of a service beside those running, on its own ports, and waits until it is healthy:
     * a provider instance registers in Nacos and takes calls, a consumer-web instance serves on its own URL.
     */
    public ServiceInstance addInstance(ServiceName service) {
        return addInstances(List.of(service)).get(0);
    }

    /** {@link #addInstance} for several services, started three at a time. */
    public List<ServiceInstance> addInstances(List<ServiceName> services) {
        List<ServiceInstance> added = new ArrayList<>();
        for (ServiceName service : services) {
            long earlier = instances(service).size()
                    + added.stream().filter(i -> i.service() == service).count();
            added.add(new ServiceInstance(service, (int) earlier + 1));
        }
        startServices(added, Map.of());
        return added;
    }

    /** SIGKILL the first instance of a service, for fault tests. */
    public void kill(ServiceName name) {
        kill(ServiceInstance.first(name));
    }

    /** SIGKILL one instance, for fault tests. */
    public void kill(ServiceInstance instance) {
        killAll(List.of(instance));
    }

    /**
     * SIGKILL to the first instances of several services at one instant, then waits for each to end. Killed one
     * after the other, the survivors would still act for a moment on what the first left behind (take over the lock
     * it held, resend what it sent).
     */
    public void kill(List<ServiceName> names) {
        killAll(names.stream().map(ServiceInstance::first).toList());
    }

    private void killAll(List<ServiceInstance> instances) {
        List<ServiceProcess> victims =
                instances.stream().map(this::service).filter(Objects::nonNull).toList();
        victims.forEach(service -> log.warn("killing {} (pid {})", service.instance(), service.pid()));
        victims.forEach(ServiceProcess::sendKill);
        victims.forEach(ServiceProcess::kill);
        recordProcesses();
    }

    /** SIGTERM to a service's first instance, as an orchestrator stops it; waits for its end. */
    public void stop(ServiceName name) {
        stop(ServiceInstance.first(name));
    }

    /** SIGTERM to one instance, as an orchestrator stops it; waits for its end ({@link #restart} starts it). */
    public void stop(ServiceInstance instance) {
        ServiceProcess old = service(instance);
        if (old != null) {
            old.close();
            synchronized (this) {
                started.remove(old);
            }
            recordProcesses();
        }
    }

    /** Starts a service's first instance again after {@link #kill}, and waits until it is healthy. */
    public void restart(ServiceName name) {
        restart(name, Map.of());
    }

    /** Starts one instance again (on its ports) after {@link #kill} or {@link #stop}, and waits until healthy. */
    public void restart(ServiceInstance instance) {
        stop(instance);
        startService(instance, Map.of());
    }

    /**
     * Stops a service's first instance (if running) and starts it with some environment variables changed, e.g. for
     * a benchmark run with a feature off. The change lasts until the next restart.
     */
    public void restart(ServiceName name, Map<String, String> environment) {
        ServiceInstance first = ServiceInstance.first(name);
        stop(first);
        startService(first, environment);
    }

    /** Starts the first instances of several services again after {@link #kill}, three at a time. */
    public void restart(List<ServiceName> names) {
        List<ServiceInstance> firsts =
                names.stream().map(ServiceInstance::first).toList();
        firsts.forEach(this::stop);
        startServices(firsts, Map.of());
    }

    /** The lines a user needs: where everything listens and where the logs go. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("TradeFlow local stack is up\n");
        s.append(String.format("  web API            %s%n", webUrl()));
        s.append(String.format("  operations console %s/ops (in a browser; sign in as admin)%n", webUrl()));
        s.append(String.format(
                "  Nacos              %s (console http://%s/nacos/)%s%n",
                options.effectiveNacosAddr(),
                options.effectiveNacosAddr(),
                options.nacosAddr() == null ? " [embedded nacos-devserver]" : ""));
        if (coordinators == null) {
            s.append(String.format("  Seata TC           %s [external]%n", options.effectiveSeataAddr()));
        } else {
            for (int node = 1; node <= coordinators.size(); node++) {
                SeataServerOptions tc = coordinators.node(node);
                s.append(String.format(
                        "  Seata TC%-10s 127.0.0.1:%d (console http://127.0.0.1:%d, seata/seata)%s%n",
                        coordinators.size() == 1 ? "" : " node " + node,
                        tc.rpcPort(),
                        tc.consolePort(),
                        coordinators.size() == 1
                                ? ", file store"
                                : ", db store in " + CoordinatorCluster.DATABASE + ", found through Nacos"));
            }
        }
        s.append(String.format(
                "  MySQL              %s:%d%s%n",
                options.effectiveMysqlHost(),
                options.mysqlPort(),
                options.embeddedMysql() ? " [embedded MariaDB, user root]" : " [external]"));
        s.append(String.format("  Redis              %s%n", options.effectiveRedisUrl()));
        s.append(String.format(
                "  RocketMQ           name server %s%s; %s%n",
                options.effectiveRocketmqNamesrv(),
                options.rocketmqNamesrv() == null
                        ? ", broker 127.0.0.1:" + options.rocketmqBrokerPort() + " [embedded]"
                        : " [external]",
                options.brokerCredentials() == null
                        ? "requests unsigned"
                        : "requests signed by access key "
                                + options.brokerCredentials().accessKey()
                                + " (ROCKETMQ_ACCESS_KEY, ROCKETMQ_SECRET_KEY)"));
        s.append(String.format(
                "  payment gateway    %s%s%n",
                options.effectiveGatewayUrl(),
                options.embeddedGateway()
                        ? " [embedded gateway-sim; admin API /admin/** with the admin token]"
                        : " [external]"));
        instances().stream()
                .sorted(Comparator.comparing(ServiceInstance::service).thenComparing(ServiceInstance::number))
                .forEach(instance -> s.append(instanceLine(instance)));
        s.append(String.format(
                "  Sentinel           rules in Nacos group SENTINEL_GROUP (<service>-flow-rules ...); " + "%s%n",
                options.sentinelDashboard() == null
                        ? "no dashboard (SENTINEL_DASHBOARD unset)"
                        : "heartbeats to the dashboard at " + options.sentinelDashboard()));
        s.append(String.format(
                "  traces (Zipkin)    %s [%s; %s]%n",
                options.tracing().effectiveZipkinUrl(),
                options.tracing().embedded() ? "embedded Zipkin server" : "external",
                tracesEveryRequest() ? "every request traced" : "a share of requests traced (TRACING_SAMPLING)"));
        DevStackOptions.Identity identity = options.identity();
        if (identity.embedded()) {
            s.append(String.format(
                    "  sign-in (OIDC)     %s [embedded auth-server]: users 1..100000, password %s; user "
                            + "admin, password %s%n",
                    identity.effectiveIssuerUri(), identity.demoPassword(), identity.adminPassword()));
            s.append("  a user's token     java -jar devstack/target/devstack.jar token --user 1 "
                    + "(Authorization: Bearer ... on /api/**)\n");
        } else {
            s.append(String.format("  sign-in (OIDC)     %s [external]%n", identity.effectiveIssuerUri()));
        }
        s.append(String.format(
                "  admin token        %s (Authorization: Bearer ... on /api/admin/**, or an admin's " + "token)%n",
                options.adminToken()));
        s.append(String.format("  logs               %s%n", options.logDir()));
        s.append(String.format(
                "  processes          %s (name=pid, for the bench tool's CPU figures)%n",
                ProcessesFile.in(options.workDir())));
        if (options.benchmarkMode()) {
            s.append(String.format(
                    "  benchmark mode     on (%s): purchases also take mode LOCAL, no global " + "transaction%n",
                    DevStackOptions.BENCHMARK_MODE_VARIABLE));
        }
        return s.toString();
    }

    /** {@code provider-account-2 HTTP 8182, Dubbo 20982, Sentinel 8823}, and for a web instance what it publishes. */
    private String instanceLine(ServiceInstance instance) {
        InstancePorts at = ports(instance);
        StringBuilder line = new StringBuilder(String.format("  %-18s HTTP %d", instance.name(), at.http()));
        if (at.management() != at.http()) {
            line.append(", management ").append(at.management());
        }
        if (at.servesDubbo()) {
            line.append(", Dubbo ").append(at.dubbo());
        }
        line.append(", Sentinel ").append(at.sentinel());
        switch (instance.service()) {
            case WEB -> line.append(" (events: outbox relay)");
            case WEB_TRANSACTIONAL -> line.append(" (events: RocketMQ transactional messages)");
            default -> {}
        }
        return line.append(System.lineSeparator()).toString();
    }

    /**
     * Rewrites {@link ProcessesFile}: the pid of every process of the stack that runs now, for the bench tool's CPU
     * figures. This JVM is listed as {@code devstack}: nacos-devserver and gateway-sim run in it.
     */
    private synchronized void recordProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("devstack", ProcessHandle.current().pid());
        if (mariaDb != null && started.contains(mariaDb)) {
            mariaDb.pid().ifPresent(pid -> pids.put("mariadb", pid));
        }
        if (redis != null && started.contains(redis)) {
            redis.pid().ifPresent(pid -> pids.put("redis", pid));
        }
        if (coordinators != null) {
            coordinators.addLivePids(pids);
        }
        if (broker != null && broker.isAlive()) {
            pids.put("rocketmq", broker.pid());
        }
        if (zipkin != null && zipkin.isAlive()) {
            pids.put("zipkin", zipkin.pid());
        }
        if (authServer != null && authServer.isAlive()) {
            pids.put("auth-server", authServer.pid());
        }
        services.forEach((instance, service) -> {
            if (service.isAlive()) {
                pids.put(instance.name(), service.pid());
            }
        });
        try {
            ProcessesFile.write(options.workDir(), pids);
        } catch (UncheckedIOException e) {
            log.warn("cannot record the stack's processes: {}", e.getMessage());
        }
    }

    /**
     * Ends the stack at once, for test suites: SIGKILL to every service instance, every TC node and the broker
     * together (after the last test nothing of theirs is needed, and their clean stops one after the other took the
     * suite half a minute), then {@link #close} for the rest.
     */
    public void killAndClose() {
        List<ServiceProcess> instances;
        synchronized (this) {
            instances = List.copyOf(services.values());
        }
        instances.forEach(ServiceProcess::sendKill);
        if (coordinators != null) {
            coordinators.killAll();
        }
        if (broker != null) {
            broker.kill();
        }
        instances.forEach(ServiceProcess::kill);
        close();
    }

    /** Stops everything that was started, in reverse order. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        for (Path file : List.of(ProcessesFile.in(options.workDir()), SignInFile.in(options.workDir()))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("cannot delete {}: {}", file, e.getMessage());
            }
        }
    }
}
