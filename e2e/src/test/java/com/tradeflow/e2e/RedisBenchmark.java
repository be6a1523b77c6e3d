package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * What Redis buys, in one run on one stack.
 * <ul>
 * <li>Product reads per second with the cache (Redis up, entries warm) and without it (Redis stopped: every read
 * goes to provider-inventory over Dubbo), same clients, same skus.</li>
 * <li>A flash sale: a crowd's requests per second and the latency of the 202 answers (decided in Redis), then the
 * orders per second created behind the queue, from the order rows.</li>
 * </ul>
 * Not part of {@code mvn verify}: {@code mvn -B verify -pl e2e -Pbenchmark -Dit.test=RedisBenchmark} (after
 * {@code mvn -B install -DskipTests}). Prints tables; asserts only that the reads were answered and the sale sold
 * its quantity.
 */
class RedisBenchmark {

    private static final int CLIENTS = 16;
    private static final int WARM_UP = 1000;
    private static final int READS = 6000;
    private static final int SKUS = 20;
    private static final int CROWD_CLIENTS = 32;
    private static final long FIRST_USER = 50_001;
    private static final int CROWD = 2000;
    private static final int REQUESTS = 10_000;
    private static final int UNITS = 200;
    private static final long PRICE = 300;

    /** How a batch of requests went, as the clients saw it. */
    record Batch(int requests, double seconds, Histogram all, Histogram accepted, Map<String, Integer> answers) {

        double perSecond() {
            return requests / seconds;
        }

        static double ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    @Test
    void shouldPrintCachedVersusUncachedReadsAndFlashSaleFigures() throws Exception {
        Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = Path.of("target/redis-benchmark-stack").toAbsolutePath();
        StackState.clear(dir);
        try (DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir).withBenchmarkMode())) {
            Api api = Api.of(stack, ServiceName.WEB);
            IntFunction<Api.Reply> read = i -> api.get("/api/products/" + (1 + i % SKUS));
            try (ProductCache cache = new ProductCache(stack.options().effectiveRedisUrl())) {
                // a Redis found empty stores nothing for a write lease (2 min): measure once it does
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            api.get("/api/products/1");
                            return cache.entry(1) != null;
                        });
            }
            run(CLIENTS, WARM_UP, read, 200);
            Batch cached = run(CLIENTS, READS, read, 200);
            stack.stopRedis();
            run(CLIENTS, WARM_UP, read, 200);
            Batch uncached = run(CLIENTS, READS, read, 200);
            stack.restartRedis();

            Databases db = new Databases(stack.options());
            db.createWallets(FIRST_USER, CROWD, 100_000);
            Instant now = Instant.now();
            Api.Reply opened = api.adminPost(
                    "/api/flash-sales",
                    "{\"skuId\":7,\"quantity\":" + UNITS + ",\"price\":"
                            + PRICE + ",\"startsAt\":\"" + now.minusSeconds(1) + "\",\"endsAt\":\""
                            + now.plusSeconds(1800)
                            + "\",\"perUserLimit\":1}");
            assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
            String saleId = opened.body().path("saleId").asText();
            // signed in before the crowd: a sign-in is not part of a request's latency
            LongStream.range(FIRST_USER, FIRST_USER + CROWD).parallel().forEach(api::tokenOf);
            Batch crowd = run(
                    CROWD_CLIENTS,
                    REQUESTS,
                    i -> {
                        long user = FIRST_USER + (i * 7919L) % CROWD;
                        return api.as(user).post("/api/flash-sales/" + saleId + "/orders", "{\"userId\":" + user + "}");
                    },
                    202);
            JsonNode report = await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> api.adminGet("/api/admin/flash-sales/" + saleId + "/reconciliation")
                                    .body(),
                            r -> r.path("tickets").path("QUEUED").asInt() == 0
                                    && r.path("tickets").path("PLACED").asInt()
                                            == r.path("taken").asInt());
            List<Instant> created = orderTimes(db, saleId);
            print(cached, uncached, crowd, created, report);
            assertThat(cached.answers()).containsOnlyKeys("200");
            assertThat(uncached.answers()).containsOnlyKeys("200");
            assertThat(report.path("tickets").path("PLACED").asInt()).isEqualTo(UNITS);
        }
    }

    /** {@code requests} calls shared by {@code clients} threads; "accepted" is the answers with that status. */
    private static Batch run(int clients, int requests, IntFunction<Api.Reply> call, int acceptedStatus)
            throws Exception {
        Histogram all = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram accepted = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        Api.Reply reply = call.apply(i);
                        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent);
                        all.recordValue(micros);
                        if (reply.status() == acceptedStatus) {
                            accepted.recordValue(micros);
                        }
                        String answer = reply.status() == acceptedStatus
                                ? String.valueOf(reply.status())
                                : reply.status() + " " + reply.code();
                        answers.merge(answer, 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Batch(requests, (System.nanoTime() - start) / 1e9, all, accepted, Map.copyOf(answers));
    }

    private static List<Instant> orderTimes(Databases db, String saleId) {
        List<Instant> times = new ArrayList<>();
        for (Map<String, Object> ticket : db.rows(
                "tradeflow_order_0",
                "SELECT user_id, order_id FROM flash_sale_tickets WHERE status = 'PLACED' AND sale_id = " + saleId)) {
            times.add(db.orderCreatedAt(
                    ((Number) ticket.get("user_id")).longValue(), ((Number) ticket.get("order_id")).longValue()));
        }
        times.sort(null);
        return times;
    }

    private static void print(Batch cached, Batch uncached, Batch crowd, List<Instant> created, JsonNode report) {
        StringBuilder out = new StringBuilder("\n| product reads | reads/s | p50 ms | p99 ms | reads/s vs uncached "
                + "| answers |\n|---|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Batch> row :
                Map.of("cached (Redis)", cached, "uncached (Redis stopped)", uncached).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .toList()) {
            Batch b = row.getValue();
            out.append(String.format(
                    "| %s | %.0f | %.2f | %.2f | %.2f | %s |%n",
                    row.getKey(),
                    b.perSecond(),
                    Batch.ms(b.all(), 50),
                    Batch.ms(b.all(), 99),
                    b.perSecond() / uncached.perSecond(),
                    b.answers()));
        }
        double span = created.size() < 2
                ? 0
                : Duration.between(created.get(0), created.get(created.size() - 1))
                                .toMillis()
                        / 1000.0;
        out.append(String.format(
                "%n| flash sale | requests/s | all p50 ms | all p99 ms | 202 p50 ms | 202 p99 ms "
                        + "| answers |%n|---|---:|---:|---:|---:|---:|---|%n| %d requests, %d users, %d units | %.0f | %.2f "
                        + "| %.2f | %.2f | %.2f | %s |%n",
                REQUESTS,
                CROWD,
                UNITS,
                crowd.perSecond(),
                Batch.ms(crowd.all(), 50),
                Batch.ms(crowd.all(), 99),
                Batch.ms(crowd.accepted(), 50),
                Batch.ms(crowd.accepted(), 99),
                crowd.answers()));
        out.append(String.format(
                "%norders behind the queue: %d created over %.1f s = %.1f orders/s (limit 2 x 10/s); "
                        + "reconciliation %s%n",
                created.size(), span, span == 0 ? 0 : (created.size() - 1) / span, report));
        System.out.println(out);
    }
}
