package com.tradeflow.devstack;

import com.tradeflow.childprocess.FreePorts;
import com.tradeflow.devstack.infra.Ports;
import com.tradeflow.devstack.service.ServiceInstance;
import com.tradeflow.devstack.service.ServiceName;
import com.tradeflow.rocketmq.server.BrokerCredentials;
import com.tradeflow.rocketmq.server.RocketMqServerOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the stack runs and what it starts. Every port has a variable; an external server given by variable
 * ({@code NACOS_ADDR}, {@code MYSQL_HOST}, {@code REDIS_URL}, {@code SEATA_ADDR}, {@code ROCKETMQ_NAMESRV},
 * {@code GATEWAY_URL}) replaces the embedded one. The payment gateway's API key and notification secret are
 * generated for each start unless {@code GATEWAY_API_KEY} / {@code GATEWAY_SECRET} are given.
 *
 * @param quickStartJvm the services' JVMs compile with C1 only: they start and reach their first answers sooner, but
 *                      a purchase costs about twice the CPU once the stack is warm (measured: 24 ms against 10 ms of
 *                      server CPU per purchase without a global transaction). Test suites start many stacks and
 *                      services and keep it on; the stack users run ({@code DEVSTACK_QUICK_START} unset) compiles with
 *                      C2 like any long-running service.
 * @param eventSigningKey the key consumer-web signs TopUpSucceeded events with and provider-account checks them with
 *                        ({@code TRADEFLOW_EVENT_SIGNING_KEY}; generated for each start unless given)
 * @param rpcCallerToken  the secret every Dubbo call between the services carries, and the providers check
 *                        ({@code TRADEFLOW_RPC_CALLER_TOKEN}; generated for each start unless given)
 * @param identity        who signs end users in (the embedded auth-server unless {@code OIDC_ISSUER_URI} is given)
 * @param webManagementPorts the actuator port of each consumer-web instance ({@code WEB_MANAGEMENT_PORT},
 *                        {@code WEB_TRANSACTIONAL_MANAGEMENT_PORT}); the providers' HTTP port serves only their
 *                        actuator
 * @param brokerCredentials what the services sign their requests to the broker with ({@code ROCKETMQ_ACCESS_KEY},
 *                        {@code ROCKETMQ_SECRET_KEY}); the embedded broker serves only requests signed with them
 *                        (generated for each start unless given); null with an external broker and no key given:
 *                        unsigned requests
 * @param tracing         where the services send their spans (an embedded Zipkin unless {@code ZIPKIN_URL} is given)
 * @param instances       how many processes of each service and TC nodes run ({@code DEVSTACK_INSTANCES})
 */
public record DevStackOptions(
        Path root,
        Path workDir,
        int mysqlPort,
        int redisPort,
        int nacosPort,
        int seataPort,
        int seataConsolePort,
        int webPort,
        int inventoryHttpPort,
        int inventoryDubboPort,
        int accountHttpPort,
        int accountDubboPort,
        String nacosAddr,
        String mysqlHost,
        String mysqlUser,
        String mysqlPassword,
        String redisUrl,
        String seataAddr,
        boolean faultsEnabled,
        String serviceHeap,
        Duration serviceStartTimeout,
        Set<ServiceName> services,
        int rocketmqNamesrvPort,
        int rocketmqBrokerPort,
        String rocketmqNamesrv,
        String adminToken,
        boolean benchmarkMode,
        int webTransactionalPort,
        int gatewayPort,
        String gatewayUrl,
        String gatewayApiKey,
        String gatewaySecret,
        String sentinelDashboard,
        Map<ServiceName, Integer> sentinelPorts,
        boolean quickStartJvm,
        String eventSigningKey,
        String rpcCallerToken,
        Identity identity,
        Map<ServiceName, Integer> webManagementPorts,
        BrokerCredentials brokerCredentials,
        Tracing tracing,
        Instances instances) {

    private static final int TOKEN_BYTES = 32;
    /** Who the services are at the embedded broker when {@code ROCKETMQ_ACCESS_KEY} is not given. */
    private static final String STACK_ACCESS_KEY = "tradeflow-services";
    /** The demo users' password when {@code AUTH_DEMO_PASSWORD} is not given: the README's examples use it. */
    public static final String DEFAULT_DEMO_PASSWORD = "tradeflow-demo";

    /**
     * The issuer of end users' tokens.
     *
     * @param authPort      the embedded auth-server's port ({@code AUTH_PORT})
     * @param issuerUri     an external OpenID Connect issuer ({@code OIDC_ISSUER_URI}), or null for the embedded one
     * @param demoPassword  the password of demo users 1..n at the embedded issuer ({@code AUTH_DEMO_PASSWORD})
     * @param adminPassword the password of user {@code admin} there ({@code AUTH_ADMIN_PASSWORD}; generated for
     *                      each start unless given)
     */
    public record Identity(int authPort, String issuerUri, String demoPassword, String adminPassword) {

        public boolean embedded() {
            return issuerUri == null;
        }

        public String effectiveIssuerUri() {
            return issuerUri == null ? "http://127.0.0.1:" + authPort : issuerUri;
        }
    }

    /**
     * Where the services send their spans.
     *
     * @param zipkinPort the embedded Zipkin server's port ({@code ZIPKIN_PORT})
     * @param zipkinUrl  an external Zipkin ({@code ZIPKIN_URL}, its base address), or null for the embedded one
     * @param everyRequest the services trace every request (the stack users run: any request they look at is in
     *                     Zipkin); off, they keep their default share ({@code TRACING_SAMPLING}, 10 %) and a request
     *                     that arrives with a sampled {@code traceparent} is traced whole. Test stacks keep it off: at
     *                     every request Zipkin alone took about 1 ms of CPU per purchase of the suite's load
     */
    public record Tracing(int zipkinPort, String zipkinUrl, boolean everyRequest) {

        public boolean embedded() {
            return zipkinUrl == null;
        }

        public String effectiveZipkinUrl() {
            return zipkinUrl == null ? "http://127.0.0.1:" + zipkinPort : zipkinUrl;
        }
    }

    /**
     * How many processes of each service, and how many TC nodes, the stack runs ({@code DEVSTACK_INSTANCES}).
     *
     * @param services     instances per service (1 when absent); instance n listens on its service's ports moved by
     *                     {@code portStep} × (n - 1)
     * @param coordinators Seata TC nodes: one keeps its sessions in files, several share them in the database
     *                     ({@code store.mode=db})
     * @param portStep     how far instance n's ports are from instance n - 1's; 0: further instances take free ports
     *                     (test stacks, whose first ports are free ports too)
     */
    public record Instances(Map<ServiceName, Integer> services, int coordinators, int portStep) {

        /** At most this many of each: instance n's ports stay clear of the other defaults (8080 + 100 × 8). */
        public static final int MAX = 9;
        /** Instance 2 of consumer-web listens on 8180, of provider-inventory on 8181 and Dubbo 20981, ... */
        public static final int DEFAULT_PORT_STEP = 100;

        public static final String VARIABLE = "DEVSTACK_INSTANCES";
        /** The TC's name in {@value #VARIABLE}. */
        public static final String COORDINATOR = "seata-tc";

        public Instances {
            services = Map.copyOf(services);
        }

        /** One of everything. */
        public static Instances single(int portStep) {
            return new Instances(Map.of(), 1, portStep);
        }

        public int of(ServiceName service) {
            return services.getOrDefault(service, 1);
        }

        /**
         * The instances of these services (in their iteration order) in start order: every service's first instance, then the second ones, ...
         * A further instance waits for the first one's class archive (devstack's {@code JavaJar}): queued behind
         * every first instance, it does not hold a start lane while they start.
         */
        public List<ServiceInstance> startOrder(Collection<ServiceName> started) {
            int most = started.stream().mapToInt(this::of).max().orElse(0);
            List<ServiceInstance> order = new ArrayList<>();
            for (int number = 1; number <= most; number++) {
                for (ServiceName service : started) {
                    if (number <= of(service)) {
                        order.add(new ServiceInstance(service, number));
                    }
                }
            }
            return order;
        }

        /**
         * {@code 2}: two of every service and two TC nodes; {@code provider-account=3,seata-tc=2}: only those (the
         * others one each).
         */
        static Instances parse(String value, Set<ServiceName> started) {
            if (value == null || value.isBlank()) {
                return single(DEFAULT_PORT_STEP);
            }
            if (!value.contains("=")) {
                int n = count(value, "every service");
                Map<ServiceName, Integer> each = new EnumMap<>(ServiceName.class);
                started.forEach(service -> each.put(service, n));
                return new Instances(each, n, DEFAULT_PORT_STEP);
            }
            Map<ServiceName, Integer> each = new EnumMap<>(ServiceName.class);
            int coordinators = 1;
            for (String entry : value.split(",")) {
                String[] nameAndCount = entry.split("=", 2);
                String name = nameAndCount[0].trim();
                int n = count(nameAndCount.length == 2 ? nameAndCount[1] : "", name);
                if (name.equals(COORDINATOR)) {
                    coordinators = n;
                } else {
                    each.put(serviceNamed(name, VARIABLE), n);
                }
            }
            return new Instances(each, coordinators, DEFAULT_PORT_STEP);
        }

        private static int count(String value, String what) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1 && n <= MAX) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new IllegalArgumentException(VARIABLE + ": the instances of " + what + " must be a number from 1 to "
                    + MAX + ", not '" + value.trim() + "'");
        }
    }

    private static final int NACOS_GRPC_OFFSET = 1000;

    /**
     * {@code TRADEFLOW_BENCHMARK_LOCAL_MODE=true}: the stack starts in benchmark mode ({@link #withBenchmarkMode}),
     * so the bench tool can measure mode LOCAL. The services read the same variable, which the stack sets for them.
     */
    public static final String BENCHMARK_MODE_VARIABLE = "TRADEFLOW_BENCHMARK_LOCAL_MODE";

    /** The databases the services use, one schema each, created if missing. */
    public static final String[] DATABASES = {
        "tradeflow_inventory", "tradeflow_account_0", "tradeflow_account_1", "tradeflow_order_0", "tradeflow_order_1"
    };

    public static DevStackOptions fromEnvironment(Map<String, String> env, Path root) {
        return new DevStackOptions(
                root,
                Path.of(env.getOrDefault(
                        "DEVSTACK_DIR", root.resolve(".devstack").toString())),
                port(env, "MYSQL_PORT", 3306),
                port(env, "REDIS_PORT", 6379),
                port(env, "NACOS_PORT", 8848),
                port(env, "SEATA_PORT", 8091),
                port(env, "SEATA_CONSOLE_PORT", 7091),
                port(env, "WEB_PORT", 8080),
                port(env, "INVENTORY_HTTP_PORT", 8081),
                port(env, "INVENTORY_DUBBO_PORT", 20881),
                port(env, "ACCOUNT_HTTP_PORT", 8082),
                port(env, "ACCOUNT_DUBBO_PORT", 20882),
                blankToNull(env.get("NACOS_ADDR")),
                blankToNull(env.get("MYSQL_HOST")),
                env.getOrDefault("MYSQL_USER", "root"),
                env.getOrDefault("MYSQL_PASSWORD", ""),
                blankToNull(env.get("REDIS_URL")),
                blankToNull(env.get("SEATA_ADDR")),
                Boolean.parseBoolean(env.getOrDefault("TRADEFLOW_FAULTS_ENABLED", "false")),
                env.getOrDefault("SERVICE_HEAP", "384m"),
                Duration.ofSeconds(180),
                services(env.get("DEVSTACK_SERVICES")),
                port(env, "ROCKETMQ_NAMESRV_PORT", 9876),
                port(env, "ROCKETMQ_BROKER_PORT", 10911),
                blankToNull(env.get("ROCKETMQ_NAMESRV")),
                Optional.ofNullable(blankToNull(env.get("TRADEFLOW_ADMIN_TOKEN")))
                        .orElseGet(DevStackOptions::newToken),
                Boolean.parseBoolean(env.getOrDefault(BENCHMARK_MODE_VARIABLE, "false")),
                port(env, "WEB_TRANSACTIONAL_PORT", 8083),
                port(env, "GATEWAY_PORT", 8090),
                blankToNull(env.get("GATEWAY_URL")),
                Optional.ofNullable(blankToNull(env.get("GATEWAY_API_KEY"))).orElseGet(DevStackOptions::newToken),
                Optional.ofNullable(blankToNull(env.get("GATEWAY_SECRET"))).orElseGet(DevStackOptions::newToken),
                blankToNull(env.get("SENTINEL_DASHBOARD")),
                Map.of(
                        ServiceName.WEB, port(env, "WEB_SENTINEL_PORT", 8721),
                        ServiceName.INVENTORY, port(env, "INVENTORY_SENTINEL_PORT", 8722),
                        ServiceName.ACCOUNT, port(env, "ACCOUNT_SENTINEL_PORT", 8723),
                        ServiceName.WEB_TRANSACTIONAL, port(env, "WEB_TRANSACTIONAL_SENTINEL_PORT", 8724)),
                Boolean.parseBoolean(env.getOrDefault("DEVSTACK_QUICK_START", "false")),
                Optional.ofNullable(blankToNull(env.get("TRADEFLOW_EVENT_SIGNING_KEY")))
                        .orElseGet(DevStackOptions::newToken),
                Optional.ofNullable(blankToNull(env.get("TRADEFLOW_RPC_CALLER_TOKEN")))
                        .orElseGet(DevStackOptions::newToken),
                new Identity(
                        port(env, "AUTH_PORT", 8093),
                        blankToNull(env.get("OIDC_ISSUER_URI")),
                        env.getOrDefault("AUTH_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD),
                        Optional.ofNullable(blankToNull(env.get("AUTH_ADMIN_PASSWORD")))
                                .orElseGet(DevStackOptions::newToken)),
                Map.of(
                        ServiceName.WEB,
                        port(env, "WEB_MANAGEMENT_PORT", 9080),
                        ServiceName.WEB_TRANSACTIONAL,
                        port(env, "WEB_TRANSACTIONAL_MANAGEMENT_PORT", 9083)),
                brokerCredentials(env),
                new Tracing(port(env, "ZIPKIN_PORT", 9411), blankToNull(env.get("ZIPKIN_URL")), true),
                Instances.parse(env.get(Instances.VARIABLE), services(env.get("DEVSTACK_SERVICES"))));
    }

    /**
     * Everything embedded on free ports under {@code workDir}, fault switches on, the TC as a cluster of two nodes:
     * for test suites.
     */
    public static DevStackOptions forTests(Path root, Path workDir) {
        return new DevStackOptions(
                root,
                workDir,
                Ports.free(),
                Ports.free(),
                freeNacosPort(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                null,
                null,
                "root",
                "",
                null,
                null,
                true,
                "320m",
                Duration.ofSeconds(240),
                EnumSet.allOf(ServiceName.class),
                RocketMqServerOptions.freePort(),
                RocketMqServerOptions.freeBrokerPort(),
                null,
                newToken(),
                false,
                Ports.free(),
                Ports.free(),
                null,
                newToken(),
                newToken(),
                null,
                Map.of(
                        ServiceName.WEB,
                        Ports.free(),
                        ServiceName.INVENTORY,
                        Ports.free(),
                        ServiceName.ACCOUNT,
                        Ports.free(),
                        ServiceName.WEB_TRANSACTIONAL,
                        Ports.free()),
                true,
                newToken(),
                newToken(),
                new Identity(Ports.free(), null, newToken(), newToken()),
                Map.of(ServiceName.WEB, Ports.free(), ServiceName.WEB_TRANSACTIONAL, Ports.free()),
                newBrokerCredentials(),
                new Tracing(Ports.free(), null, false),
                // the TC as production runs it: two nodes sharing the db store; further service instances are added
                // by the tests that need them, on free ports
                new Instances(Map.of(), 2, 0));
    }

    /**
     * The same stack for a benchmark: purchases may also run with no global transaction at all (mode LOCAL), the
     * baseline the Seata modes are measured against. Never on outside benchmarks.
     */
    public DevStackOptions withBenchmarkMode() {
        return new DevStackOptions(
                root,
                workDir,
                mysqlPort,
                redisPort,
                nacosPort,
                seataPort,
                seataConsolePort,
                webPort,
                inventoryHttpPort,
                inventoryDubboPort,
                accountHttpPort,
                accountDubboPort,
                nacosAddr,
                mysqlHost,
                mysqlUser,
                mysqlPassword,
                redisUrl,
                seataAddr,
                faultsEnabled,
                serviceHeap,
                serviceStartTimeout,
                services,
                rocketmqNamesrvPort,
                rocketmqBrokerPort,
                rocketmqNamesrv,
                adminToken,
                true,
                webTransactionalPort,
                gatewayPort,
                gatewayUrl,
                gatewayApiKey,
                gatewaySecret,
                sentinelDashboard,
                sentinelPorts,
                quickStartJvm,
                eventSigningKey,
                rpcCallerToken,
                identity,
                webManagementPorts,
                brokerCredentials,
                tracing,
                instances);
    }

    /** The port of a service's Sentinel command API (what the dashboard calls). */
    public int sentinelPort(ServiceName service) {
        return sentinelPorts.get(service);
    }

    public boolean embeddedMysql() {
        return mysqlHost == null;
    }

    public String effectiveMysqlHost() {
        return mysqlHost == null ? "127.0.0.1" : mysqlHost;
    }

    public String effectiveNacosAddr() {
        return nacosAddr == null ? "127.0.0.1:" + nacosPort : nacosAddr;
    }

    public String effectiveRedisUrl() {
        return redisUrl == null ? "redis://127.0.0.1:" + redisPort : redisUrl;
    }

    public String effectiveSeataAddr() {
        return seataAddr == null ? "127.0.0.1:" + seataPort : seataAddr;
    }

    public String effectiveRocketmqNamesrv() {
        return rocketmqNamesrv == null ? "127.0.0.1:" + rocketmqNamesrvPort : rocketmqNamesrv;
    }

    /** The payment gateway's base URL: gateway-sim's on {@code gatewayPort} unless {@code GATEWAY_URL} is set. */
    public String effectiveGatewayUrl() {
        return gatewayUrl == null ? "http://127.0.0.1:" + gatewayPort : gatewayUrl;
    }

    public boolean embeddedGateway() {
        return gatewayUrl == null;
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** nacos-client connects to gRPC on the HTTP port + 1000: both must be free. */
    private static int freeNacosPort() {
        return FreePorts.pickWith(NACOS_GRPC_OFFSET);
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
        }
    }

    /** {@code DEVSTACK_SERVICES=provider-inventory,provider-account}: start only these (default: all). */
    private static Set<ServiceName> services(String list) {
        if (list == null || list.isBlank()) {
            return ServiceName.DEFAULT;
        }
        Set<ServiceName> services = EnumSet.noneOf(ServiceName.class);
        for (String module : list.split(",")) {
            services.add(serviceNamed(module.trim(), "DEVSTACK_SERVICES"));
        }
        return services;
    }

    private static ServiceName serviceNamed(String name, String variable) {
        return Arrays.stream(ServiceName.values())
                .filter(s -> s.instance().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(variable + ": unknown service '" + name + "'"));
    }

    /** A fresh admin bearer token: 32 random bytes, hex. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The given credentials; without them, new ones for the embedded broker, none for an external one. */
    private static BrokerCredentials brokerCredentials(Map<String, String> env) {
        return BrokerCredentials.fromEnvironment(env)
                .orElseGet(() -> blankToNull(env.get("ROCKETMQ_NAMESRV")) == null ? newBrokerCredentials() : null);
    }

    private static BrokerCredentials newBrokerCredentials() {
        return new BrokerCredentials(STACK_ACCESS_KEY, newToken());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
