package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Wallet top-ups through the payment gateway, in one run on one stack: the same load with the gateway's faults off
 * and on (the fault mix of TopUpFaultsIT). Per run: top-ups accepted per second and the latency of the 202, and
 * request-to-credit latency (the client sending the request to provider-account's credit row, same clock) for the
 * top-ups that succeeded, plus credits per second. Not part of {@code mvn verify}: {@code mvn -B verify -pl e2e
 * -Pbenchmark -Dit.test=TopUpBenchmark} (after {@code mvn -B install -DskipTests}). Prints a table; asserts only
 * that every succeeded payment was credited.
 */
class TopUpBenchmark {

    private static final int CLIENTS = 12;
    private static final int WARM_UP = 50;
    private static final int TOP_UPS = 400;
    private static final int USERS = 100;
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(4);
    private static final String FAULTS = "{\"errorRate\":0.2,\"timeoutRate\":0.2,\"timeoutDelayMillis\":1500,"
            + "\"lostNotificationRate\":0.3,\"duplicateNotificationRate\":0.3,\"outOfOrderRate\":0.3,"
            + "\"failedRate\":0.1,\"seed\":42}";

    @Test
    void shouldPrintTopUpRatesAndRequestToCreditLatencyWithFaultsOffAndOn() throws Exception {
        Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = Path.of("target/topup-benchmark-stack").toAbsolutePath();
        StackState.clear(dir);
        DevStackOptions options = DevStackOptions.forTests(root, dir);
        try (DevStack stack = DevStack.start(options)) {
            Api api = Api.of(stack, ServiceName.WEB);
            Gateway gateway = new Gateway(stack);
            TopUps topUps = new TopUps(new Databases(options));
            Databases db = new Databases(options);
            gateway.faults(Gateway.NO_FAULTS);
            // signed in before the runs: a sign-in is not part of a top-up's latency
            LongStream.rangeClosed(1, USERS).forEach(api::tokenOf);
            run(api, WARM_UP, db, topUps, gateway);
            Map<String, Run> runs = new LinkedHashMap<>();
            runs.put("faults off", run(api, TOP_UPS, db, topUps, gateway));
            gateway.faults(FAULTS);
            runs.put("faults on", run(api, TOP_UPS, db, topUps, gateway));
            gateway.faults(Gateway.NO_FAULTS);
            print(runs);
            runs.forEach((name, r) -> assertThat(r.credited()).as(name).isPositive());
        }
    }

    private static Run run(Api api, int count, Databases db, TopUps topUps, Gateway gateway) throws Exception {
        Random random = new Random(count);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram accepted = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long user = 1 + random.nextInt(USERS);
                long amount = 100 + random.nextInt(4901);
                calls.add(clients.submit(() -> {
                    long sent = System.currentTimeMillis();
                    long sentNanos = System.nanoTime();
                    Api.Reply reply = api.topUp(user, amount, UUID.randomUUID().toString());
                    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentNanos);
                    synchronized (accepted) {
                        accepted.recordValue(micros);
                        statuses.merge(reply.status(), 1, Integer::sum);
                    }
                    if (reply.status() == 202) {
                        sentAt.put(reply.body().path("merchantOrderNo").asText(), sent);
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double acceptSeconds = (System.nanoTime() - startNanos) / 1e9;
        // every top-up final, every succeeded one credited
        Map<String, Long> creditedAt = new HashMap<>();
        Awaitility.await()
                .atMost(SETTLE_LIMIT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Map<String, Object>> stored = topUps.topUps();
                    assertThat(sentAt.keySet())
                            .allSatisfy(
                                    n -> assertThat(stored.get(n).get("status")).isNotEqualTo("PENDING"));
                    long succeeded = sentAt.keySet().stream()
                            .filter(n -> "SUCCEEDED".equals(stored.get(n).get("status")))
                            .count();
                    creditedAt.clear();
                    for (String database : List.of("tradeflow_account_0", "tradeflow_account_1")) {
                        db.rows(
                                        database,
                                        "SELECT merchant_order_no, ROUND(UNIX_TIMESTAMP(credited_at) * 1000) AS at_ms "
                                                + "FROM wallet_top_ups")
                                .forEach(r -> {
                                    String number = (String) r.get("merchant_order_no");
                                    if (sentAt.containsKey(number)) {
                                        creditedAt.put(number, ((Number) r.get("at_ms")).longValue());
                                    }
                                });
                    }
                    assertThat(creditedAt).hasSize((int) succeeded);
                });
        Histogram toCredit = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        long last = start;
        for (Map.Entry<String, Long> credit : creditedAt.entrySet()) {
            toCredit.recordValue(Math.max(0, credit.getValue() - sentAt.get(credit.getKey())));
            last = Math.max(last, credit.getValue());
        }
        return new Run(
                count,
                acceptSeconds,
                accepted,
                statuses,
                creditedAt.size(),
                creditedAt.size() / ((last - start) / 1000.0),
                toCredit,
                gateway.stats().toString());
    }

    private static void print(Map<String, Run> runs) {
        StringBuilder table = new StringBuilder("\n| gateway | top-ups/s accepted | 202 p50 ms | 202 p99 ms | answers "
                + "| credited | credits/s | request-to-credit p50 ms | p99 ms |\n"
                + "|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        runs.forEach((name, r) -> table.append(String.format(
                "| %s | %.1f | %.1f | %.1f | %s | %d | %.1f | %d | %d |%n",
                name,
                r.count() / r.acceptSeconds(),
                r.accepted().getValueAtPercentile(50) / 1000.0,
                r.accepted().getValueAtPercentile(99) / 1000.0,
                r.statuses(),
                r.credited(),
                r.creditsPerSecond(),
                r.toCredit().getValueAtPercentile(50),
                r.toCredit().getValueAtPercentile(99))));
        table.append(String.format(
                "%n%d clients, %d top-ups per run after %d warm-up ones, users 1-%d, %d cores; "
                        + "faults on: %s%ngateway counts after the runs: %s%n",
                CLIENTS,
                TOP_UPS,
                WARM_UP,
                USERS,
                Runtime.getRuntime().availableProcessors(),
                FAULTS,
                runs.get("faults on").gatewayStats()));
        System.out.println(table);
    }

    private record Run(
            int count,
            double acceptSeconds,
            Histogram accepted,
            Map<Integer, Integer> statuses,
            int credited,
            double creditsPerSecond,
            Histogram toCredit,
            String gatewayStats) {}
}
