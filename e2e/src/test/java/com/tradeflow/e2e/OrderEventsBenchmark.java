package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What order events cost and how fast they arrive, in one run on one stack: the same AT purchases through
 * consumer-web with events off ({@code TRADEFLOW_EVENTS_ENABLED=false}), with the outbox publisher, and with the
 * transactional-message publisher. Per publisher: purchase throughput and latency, events per second applied by
 * each subscriber (from the first purchase to its last application) and commit-to-applied latency (the client's
 * 201 to the subscriber's dedupe record, same clock). Not part of {@code mvn verify}: {@code mvn -B verify -pl e2e
 * -Pbenchmark} (after {@code mvn -B install -DskipTests}). Prints tables; asserts only that every event arrived.
 */
class OrderEventsBenchmark {

    private static final int CLIENTS = 16;
    private static final int WARM_UP = 100;
    private static final int ORDERS = 600;
    /** Skus 1-5 (1.00 to 21.84), users 1-100: every wallet and sku can supply all runs. */
    private static final int SKUS = 5;

    private static final int USERS = 100;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
    private static final Map<String, List<String>> SUBSCRIBERS = Map.of(
            "account-points", List.of("tradeflow_account_0", "tradeflow_account_1"),
            "inventory-sales", List.of("tradeflow_inventory"),
            "inventory-sales-report", List.of("tradeflow_inventory"));

    @Test
    void shouldPrintEventRatesLatenciesAndTheirCostToPurchases() throws Exception {
        Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = Path.of("target/events-benchmark-stack").toAbsolutePath();
        StackState.clear(dir);
        try (DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir).withBenchmarkMode())) {
            Databases db = new Databases(stack.options());
            Map<String, PurchaseRun> runs = new LinkedHashMap<>();
            Map<String, Map<String, Delivery>> deliveries = new LinkedHashMap<>();

            stack.restart(ServiceName.WEB, Map.of("TRADEFLOW_EVENTS_ENABLED", "false"));
            Api off = Api.of(stack, ServiceName.WEB);
            purchases(off, WARM_UP);
            runs.put("events off", purchases(off, ORDERS));

            stack.restart(ServiceName.WEB);
            Api outbox = Api.of(stack, ServiceName.WEB);
            purchases(outbox, WARM_UP);
            runs.put("outbox", purchases(outbox, ORDERS));
            deliveries.put("outbox", deliveries(db, runs.get("outbox")));

            Api transactional = Api.of(stack, ServiceName.WEB_TRANSACTIONAL);
            purchases(transactional, WARM_UP);
            runs.put("transactional message", purchases(transactional, ORDERS));
            deliveries.put("transactional message", deliveries(db, runs.get("transactional message")));

            print(runs, deliveries);
            runs.forEach((name, run) ->
                    assertThat(run.placed()).as(name + " orders placed").isPositive());
        }
    }

    private static PurchaseRun purchases(Api api, int orders) throws Exception {
        return PurchaseRun.measure(CLIENTS, orders, i -> api.placeOrder(1 + i % USERS, 1 + i % SKUS, 1, "AT"));
    }

    /** Waits until every subscriber applied the run's events, then measures from their dedupe records. */
    private static Map<String, Delivery> deliveries(Databases db, PurchaseRun run) {
        Map<String, Map<Long, Long>> appliedAt = new HashMap<>();
        Awaitility.await()
                .atMost(DRAIN_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String subscriber : SUBSCRIBERS.keySet()) {
                        Map<Long, Long> applied = appliedAt(db, subscriber, run);
                        assertThat(applied)
                                .as("%s applied", subscriber)
                                .hasSize(run.committedAt().size());
                        appliedAt.put(subscriber, applied);
                    }
                });
        Map<String, Delivery> deliveries = new LinkedHashMap<>();
        for (String subscriber : SUBSCRIBERS.keySet()) {
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
            long last = 0;
            for (Map.Entry<Long, Long> applied : appliedAt.get(subscriber).entrySet()) {
                // applied before the client read its 201 (the event raced the HTTP answer): 0
                latency.recordValue(
                        Math.max(0, applied.getValue() - run.committedAt().get(applied.getKey())));
                last = Math.max(last, applied.getValue());
            }
            deliveries.put(subscriber, new Delivery(run.placed() / ((last - run.startMillis()) / 1000.0), latency));
        }
        return deliveries;
    }

    /** order id -> when the subscriber applied its OrderPlaced (epoch ms), for the run's orders. */
    private static Map<Long, Long> appliedAt(Databases db, String subscriber, PurchaseRun run) {
        Map<Long, Long> applied = new HashMap<>();
        for (String database : SUBSCRIBERS.get(subscriber)) {
            for (Map<String, Object> row : db.rows(
                    database,
                    "SELECT order_id, ROUND(UNIX_TIMESTAMP(processed_at) "
                            + "* 1000) AS at_ms FROM processed_events WHERE consumer = '" + subscriber + "'")) {
                long orderId = ((Number) row.get("order_id")).longValue();
                if (run.committedAt().containsKey(orderId)) {
                    applied.put(orderId, ((Number) row.get("at_ms")).longValue());
                }
            }
        }
        return applied;
    }

    private static void print(Map<String, PurchaseRun> runs, Map<String, Map<String, Delivery>> deliveries) {
        PurchaseRun off = runs.get("events off");
        StringBuilder table = new StringBuilder("\n| publisher | orders/s | p50 ms | p99 ms | orders/s vs off"
                + " | p50 vs off | answers |\n|---|---:|---:|---:|---:|---:|---|\n");
        runs.forEach((name, run) -> table.append(String.format(
                "| %s | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n",
                name,
                run.perSecond(),
                run.p50(),
                run.p99(),
                run.perSecond() / off.perSecond(),
                run.p50() / off.p50(),
                run.statuses())));
        table.append("\n| publisher | subscriber | events/s applied | commit-to-applied p50 ms | p99 ms |\n"
                + "|---|---|---:|---:|---:|\n");
        deliveries.forEach((name, bySubscriber) -> bySubscriber.forEach((subscriber, d) -> table.append(String.format(
                "| %s | %s | %.1f | %d | %d |%n",
                name,
                subscriber,
                d.perSecond(),
                d.latency().getValueAtPercentile(50),
                d.latency().getValueAtPercentile(99)))));
        table.append(String.format(
                "%n%d clients, %d AT purchases per publisher after %d warm-up ones, skus 1-%d, "
                        + "%d users, %d cores%n",
                CLIENTS, ORDERS, WARM_UP, SKUS, USERS, Runtime.getRuntime().availableProcessors()));
        System.out.println(table);
    }

    /** How one subscriber received a run's events. */
    private record Delivery(double perSecond, Histogram latency) {}
}
