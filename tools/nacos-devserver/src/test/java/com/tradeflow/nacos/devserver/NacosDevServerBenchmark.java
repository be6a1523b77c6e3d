package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.naming.NamingService;
import com.alibaba.nacos.api.naming.listener.NamingEvent;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.tradeflow.nacos.devserver.support.NacosClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Prints registrations per second and push latency (register call to subscriber callback) for 1,000 instances
 * watched by 50 subscribers, and config publishes per second with 50 listeners. Not part of {@code verify}:
 * {@code mvn -B -pl seata-config,tools/nacos-devserver verify -Pbenchmark}. Real nacos-client 2.5.1 instances on
 * loopback; the server runs with its default 50 ms push merge window.
 */
class NacosDevServerBenchmark {

    static {
        // nacos-client rate-limits identical config queries to 5/s per JVM; here 50 listeners share one JVM,
        // where in production each service has its own
        System.setProperty("limitTime", "100000");
    }

    private static final int SERVICES = 100;
    private static final int REGISTRARS = 10;
    private static final int SUBSCRIBERS = 50;
    private static final int LISTENERS = 50;
    private static final int PUBLISHES = 1000;
    private static final int LATENCY_ROUNDS = 50;

    @Test
    void registrationsAndPushes() throws Exception {
        double baseline = registrationsPerSecondWithoutSubscribers();
        try (NacosDevServer server =
                        NacosDevServer.start(DevServerOptions.defaults().withPort(0));
                NacosClients clients = new NacosClients(server.address())) {
            // (service, ip) -> when its registration was sent; subscribers record when they first see it
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Histogram pushLatency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            CountDownLatch allSeen = new CountDownLatch(SERVICES * REGISTRARS * SUBSCRIBERS);
            for (int s = 0; s < SUBSCRIBERS; s++) {
                NamingService subscriber = clients.naming();
                Map<String, Boolean> seen = new ConcurrentHashMap<>();
                for (int svc = 0; svc < SERVICES; svc++) {
                    String service = "bench-" + svc;
                    subscriber.subscribe(service, event -> {
                        long now = System.nanoTime();
                        for (Instance i : ((NamingEvent) event).getInstances()) {
                            String key = service + "/" + i.getIp();
                            Long sent = sentAt.get(key);
                            if (sent != null && seen.putIfAbsent(key, true) == null) {
                                synchronized (pushLatency) {
                                    pushLatency.recordValue(now - sent);
                                }
                                allSeen.countDown();
                            }
                        }
                    });
                }
            }
            double seconds = registerAll(clients, "bench-", "10.50.0.", sentAt);
            assertThat(allSeen.await(60, TimeUnit.SECONDS))
                    .as("every subscriber saw every instance")
                    .isTrue();
            System.out.printf(
                    "%nNAMING: %d instances (%d services x %d registrar connections), %d subscribers%n",
                    SERVICES * REGISTRARS, SERVICES, REGISTRARS, SUBSCRIBERS);
            System.out.printf(
                    "  registrations/s: %.0f (%d in %.2f s); without subscribers: %.0f (ratio %.2f)%n",
                    SERVICES * REGISTRARS / seconds,
                    SERVICES * REGISTRARS,
                    seconds,
                    baseline,
                    SERVICES * REGISTRARS / seconds / baseline);
            print("  push latency (register -> subscriber callback)", pushLatency);
        }
    }

    @Test
    void configPublishesWithListeners() throws Exception {
        try (NacosDevServer server =
                        NacosDevServer.start(DevServerOptions.defaults().withPort(0));
                NacosClients clients = new NacosClients(server.address())) {
            ConfigService publisher = clients.config();
            publisher.publishConfig("bench.properties", "BENCH", "round=-1");
            Map<Integer, String> latest = new ConcurrentHashMap<>();
            List<CountDownLatch> rounds = new ArrayList<>();
            for (int r = 0; r < LATENCY_ROUNDS; r++) {
                rounds.add(new CountDownLatch(LISTENERS));
            }
            for (int l = 0; l < LISTENERS; l++) {
                int listener = l;
                clients.config().addListener("bench.properties", "BENCH", new AbstractListener() {
                    @Override
                    public void receiveConfigInfo(String configInfo) {
                        latest.put(listener, configInfo);
                        if (configInfo.startsWith("latency=")) {
                            rounds.get(Integer.parseInt(configInfo.substring("latency=".length())))
                                    .countDown();
                        }
                    }
                });
            }

            long start = System.nanoTime();
            for (int i = 0; i < PUBLISHES; i++) {
                assertThat(publisher.publishConfig("bench.properties", "BENCH", "round=" + i))
                        .isTrue();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latest.values().stream()
                                    .filter(("round=" + (PUBLISHES - 1))::equals)
                                    .count()
                            < LISTENERS
                    && System.nanoTime() < settle) {
                Thread.sleep(10);
            }
            assertThat(latest.values()).hasSize(LISTENERS).allMatch(("round=" + (PUBLISHES - 1))::equals);

            Histogram notifyLatency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            for (int r = 0; r < LATENCY_ROUNDS; r++) {
                long sent = System.nanoTime();
                publisher.publishConfig("bench.properties", "BENCH", "latency=" + r);
                assertThat(rounds.get(r).await(10, TimeUnit.SECONDS)).isTrue();
                notifyLatency.recordValue(System.nanoTime() - sent);
            }
            System.out.printf("%nCONFIG: %d listeners on one config%n", LISTENERS);
            System.out.printf(
                    "  publishes/s: %.0f (%d sequential publishes in %.2f s; all listeners ended on the "
                            + "last value)%n",
                    PUBLISHES / seconds, PUBLISHES, seconds);
            print("  publish -> all 50 listeners notified with the new content", notifyLatency);
        }
    }

    /** The same registrations with nobody subscribed: what the pushes cost is the difference. */
    private static double registrationsPerSecondWithoutSubscribers() throws Exception {
        try (NacosDevServer server =
                        NacosDevServer.start(DevServerOptions.defaults().withPort(0));
                NacosClients clients = new NacosClients(server.address())) {
            double seconds = registerAll(clients, "baseline-", "10.60.0.", new ConcurrentHashMap<>());
            assertThat(server.naming().instanceCount()).isEqualTo(SERVICES * REGISTRARS);
            return SERVICES * REGISTRARS / seconds;
        }
    }

    /**
     * Each of {@link #REGISTRARS} connections, on its own thread, registers one instance in each of
     * {@link #SERVICES} services, noting when each was sent.
     *
     * @return seconds taken
     */
    private static double registerAll(
            NacosClients clients, String servicePrefix, String ipPrefix, Map<String, Long> sentAt) throws Exception {
        List<NamingService> registrars = new ArrayList<>();
        for (int r = 0; r < REGISTRARS; r++) {
            registrars.add(clients.naming());
        }
        ExecutorService pool = Executors.newFixedThreadPool(REGISTRARS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < REGISTRARS; r++) {
            NamingService registrar = registrars.get(r);
            String ip = ipPrefix + (r + 1);
            done.add(pool.submit(() -> {
                for (int svc = 0; svc < SERVICES; svc++) {
                    sentAt.put(servicePrefix + svc + "/" + ip, System.nanoTime());
                    registrar.registerInstance(servicePrefix + svc, ip, 8080);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String what, Histogram h) {
        System.out.printf(
                "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)%n",
                what,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6,
                h.getTotalCount());
    }
}
