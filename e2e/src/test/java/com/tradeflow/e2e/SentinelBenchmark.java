package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigFactory;
import com.alibaba.nacos.api.config.ConfigService;
import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What Sentinel costs and how exactly it limits, in one run on one stack.
 * <ul>
 * <li>Overhead: the same AT purchases (16 clients) with Sentinel's filters on (every service's Dubbo filters and
 * consumer-web's web interceptor) and off (the three services restarted with the filters excluded).</li>
 * <li>Accuracy: a 100 QPS flow rule on product reads, published to Nacos, under 300 requests per second offered
 * open-loop for 30 s: the requests admitted (200) per second.</li>
 * </ul>
 * Not part of {@code mvn verify}: {@code mvn -B verify -pl e2e -Pbenchmark -Dit.test=SentinelBenchmark} (after
 * {@code mvn -B install -DskipTests}). Prints tables; asserts only that purchases were placed and the rule admitted
 * requests.
 */
class SentinelBenchmark {

    private static final int CLIENTS = 16;
    private static final int WARM_UP = 100;
    private static final int ORDERS = 600;
    /** Skus 1-10 (1.00 to 47.89): fewer hot rows than the other benchmarks, so the filters, not lock waits, show. */
    private static final int SKUS = 10;

    private static final int USERS = 100;
    private static final int LIMIT_QPS = 100;
    private static final int OFFERED_QPS = 300;
    private static final int SECONDS = 30;
    private static final Map<String, String> FILTERS_OFF = Map.of(
            "DUBBO_PROVIDER_FILTER", "-sentinel.dubbo.provider.filter",
            "DUBBO_CONSUMER_FILTER", "-sentinel.dubbo.consumer.filter",
            "TRADEFLOW_SENTINEL_WEB", "false");

    @Test
    void shouldPrintSentinelOverheadAndFlowRuleAccuracy() throws Exception {
        Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = Path.of("target/sentinel-benchmark-stack").toAbsolutePath();
        StackState.clear(dir);
        try (DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir).withBenchmarkMode())) {
            Map<String, PurchaseRun> runs = new LinkedHashMap<>();
            for (ServiceName service :
                    new ServiceName[] {ServiceName.INVENTORY, ServiceName.ACCOUNT, ServiceName.WEB}) {
                stack.restart(service, FILTERS_OFF);
            }
            Api off = Api.of(stack, ServiceName.WEB);
            purchases(off, WARM_UP);
            runs.put("Sentinel filters off", purchases(off, ORDERS));
            for (ServiceName service :
                    new ServiceName[] {ServiceName.INVENTORY, ServiceName.ACCOUNT, ServiceName.WEB}) {
                stack.restart(service);
            }
            Api on = Api.of(stack, ServiceName.WEB);
            purchases(on, WARM_UP);
            runs.put("Sentinel filters on", purchases(on, ORDERS));

            Map<Long, int[]> perSecond = accuracy(stack);
            print(runs, perSecond);
            runs.forEach((name, run) -> assertThat(run.placed()).as(name).isPositive());
            assertThat(perSecond.values().stream().mapToInt(c -> c[0]).sum()).isPositive();
        }
    }

    private static PurchaseRun purchases(Api api, int orders) throws Exception {
        return PurchaseRun.measure(CLIENTS, orders, i -> api.placeOrder(1 + i % USERS, 1 + i % SKUS, 1, "AT"));
    }

    /** second since start -> {admitted, refused, other} of the product reads sent in that second. */
    private static Map<Long, int[]> accuracy(DevStack stack) throws Exception {
        Properties nacos = new Properties();
        nacos.setProperty(PropertyKeyConst.SERVER_ADDR, stack.options().effectiveNacosAddr());
        ConfigService config = ConfigFactory.createConfigService(nacos);
        try {
            config.publishConfig(
                    "consumer-web-flow-rules",
                    "SENTINEL_GROUP",
                    "[{\"resource\":\"GET:/api/products/" + "{skuId}\",\"limitApp\":\"default\",\"grade\":1,\"count\":"
                            + LIMIT_QPS + "}]",
                    "json");
            Thread.sleep(2000);
        } finally {
            config.shutDown();
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8))
                .build();
        URI uri = URI.create(stack.webUrl(ServiceName.WEB) + "/api/products/3");
        Map<Long, int[]> perSecond = new ConcurrentHashMap<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        int total = OFFERED_QPS * SECONDS;
        long start = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        // open loop: 3 requests every 10 ms whatever the answers do
        ticker.scheduleAtFixedRate(
                () -> {
                    for (int i = 0; i < OFFERED_QPS / 100; i++) {
                        if (sent.getAndIncrement() >= total) {
                            done.complete(null);
                            return;
                        }
                        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                        http.sendAsync(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(10))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .whenComplete((response, error) -> {
                                    int slot = error != null
                                            ? 2
                                            : response.statusCode() == 200 ? 0 : response.statusCode() == 429 ? 1 : 2;
                                    perSecond.computeIfAbsent(second, s -> new int[3]);
                                    synchronized (perSecond.get(second)) {
                                        perSecond.get(second)[slot]++;
                                    }
                                });
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        done.get(SECONDS + 30, TimeUnit.SECONDS);
        ticker.shutdownNow();
        Thread.sleep(5000);
        return perSecond;
    }

    private static void print(Map<String, PurchaseRun> runs, Map<Long, int[]> perSecond) {
        PurchaseRun off = runs.get("Sentinel filters off");
        StringBuilder table = new StringBuilder("\n| run | orders/s | p50 ms | p99 ms | orders/s vs off | p50 vs off "
                + "| answers |\n|---|---:|---:|---:|---:|---:|---|\n");
        runs.forEach((name, run) -> table.append(String.format(
                "| %s | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n",
                name,
                run.perSecond(),
                run.p50(),
                run.p99(),
                run.perSecond() / off.perSecond(),
                run.p50() / off.p50(),
                run.statuses())));
        table.append(String.format(
                "%n%d clients, %d AT purchases per run after %d warm-up ones, skus 1-%d, %d users, " + "%d cores%n",
                CLIENTS, ORDERS, WARM_UP, SKUS, USERS, Runtime.getRuntime().availableProcessors()));
        table.append(String.format(
                "%nflow rule %d QPS on GET:/api/products/{skuId}, %d requests/s offered for %d s "
                        + "(by second of sending): admitted / refused 429 / other%n",
                LIMIT_QPS, OFFERED_QPS, SECONDS));
        int admitted = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        StringBuilder seconds = new StringBuilder();
        for (long s = 0; s < SECONDS; s++) {
            int[] c = perSecond.getOrDefault(s, new int[3]);
            seconds.append(String.format("%d/%d/%d ", c[0], c[1], c[2]));
            admitted += c[0];
            // the first and last second are partial
            if (s > 0 && s < SECONDS - 1) {
                min = Math.min(min, c[0]);
                max = Math.max(max, c[0]);
            }
        }
        table.append(seconds).append('\n');
        table.append(String.format(
                "admitted per second: mean %.1f, min %d, max %d (full seconds); %.1f %% of the " + "limit%n",
                admitted / (double) SECONDS, min, max, 100.0 * admitted / SECONDS / LIMIT_QPS));
        System.out.println(table);
    }
}
