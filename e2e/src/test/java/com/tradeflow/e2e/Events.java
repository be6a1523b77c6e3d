package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.event.EventTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The order events as the databases show them: the outbox of consumer-web, and what each subscriber applied
 * (dedupe records, loyalty points, sold counters).
 */
final class Events {

    static final String POINTS = "account-points";
    static final String SALES = "inventory-sales";
    /** The subscriber with an inbox (acknowledges on storing, a job applies). */
    static final String REPORT = "inventory-sales-report";

    private static final List<String> ORDER_DBS = List.of("tradeflow_order_0", "tradeflow_order_1");
    private static final List<String> ACCOUNT_DBS = List.of("tradeflow_account_0", "tradeflow_account_1");
    private static final String INVENTORY_DB = "tradeflow_inventory";
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    /** One check is some twenty small queries: often enough to notice convergence soon, rarely enough to stay cheap. */
    private static final Duration POLL = Duration.ofMillis(250);

    /** OrderPlaced events a test sent straight to the broker (no outbox row, no order): expected on top. */
    private static final List<Injected> INJECTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Databases db;

    /** An OrderPlaced event that did not come from an order ({@code orderId} names no order). */
    record Injected(String eventId, long userId, long skuId, int quantity, long amount, long orderId) {}

    /** The events the suite sent straight to the broker so far. */
    static List<Injected> injected() {
        return List.copyOf(INJECTED);
    }

    static void injected(Injected event) {
        INJECTED.add(event);
    }

    /** The body of an OrderPlaced event as consumer-web writes it, for one sent straight to the broker. */
    static String orderPlacedBody(Injected event) {
        long orderId = event.orderId();
        return String.format(
                "{\"eventId\":\"%s\",\"type\":\"OrderPlaced\",\"orderId\":%d,\"userId\":%d,"
                        + "\"skuId\":%d,\"quantity\":%d,\"amount\":%d,\"occurredAt\":\"%s\"}",
                event.eventId(),
                orderId,
                event.userId(),
                event.skuId(),
                event.quantity(),
                event.amount(),
                Instant.now());
    }

    Events(Databases db) {
        this.db = db;
    }

    /** Outbox rows of order events (the outbox also carries the wallet events of top-ups). */
    List<Map<String, Object>> outbox() {
        return ORDER_DBS.stream()
                .flatMap(d -> db
                        .rows(
                                d,
                                "SELECT * FROM outbox_events WHERE topic = '" + EventTopics.ORDER_EVENTS
                                        + "' ORDER BY seq")
                        .stream())
                .toList();
    }

    List<Map<String, Object>> outboxOf(long orderId) {
        return outbox().stream()
                .filter(r -> ((Number) r.get("aggregate_id")).longValue() == orderId)
                .toList();
    }

    /** Dedupe records of one subscriber, in the order it applied them (per database). */
    List<Map<String, Object>> processed(String consumer) {
        List<String> dbs = POINTS.equals(consumer) ? ACCOUNT_DBS : List.of(INVENTORY_DB);
        return dbs.stream()
                .flatMap(
                        d -> db
                                .rows(
                                        d,
                                        "SELECT * FROM processed_events WHERE consumer = '" + consumer
                                                + "' ORDER BY id")
                                .stream())
                .toList();
    }

    List<Map<String, Object>> processedOf(String consumer, long orderId) {
        return processed(consumer).stream()
                .filter(r -> ((Number) r.get("order_id")).longValue() == orderId)
                .toList();
    }

    long points(long userId) {
        return db.number(
                ACCOUNT_DBS.get((int) (userId % 2)),
                "SELECT COALESCE(SUM(points), 0) FROM wallet_points WHERE user_id = " + userId);
    }

    /**
     * Waits until every event in the outbox is SENT and applied exactly once by each subscriber, and the
     * subscribers' effects match the orders: points = sum of floor(amount / 100) over the user's PLACED orders,
     * sold = sum of quantities over the sku's PLACED orders (a cancelled order's events cancel out).
     */
    void awaitConverged() {
        // most calls find the events converged already (a test's start): check at once, not after a first interval
        Awaitility.await()
                .atMost(CONVERGENCE)
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .untilAsserted(() -> {
                    List<Map<String, Object>> outbox = outbox();
                    // ids and statuses only: whole rows made failure messages big enough to garble the test JVM's
                    // channel
                    assertThat(outbox.stream()
                                    .filter(r -> !"SENT".equals(r.get("status")))
                                    .map(r -> r.get("event_id") + " " + r.get("status") + " " + r.get("branch_type"))
                                    .toList())
                            .as("outbox rows not SENT")
                            .isEmpty();
                    List<String> written = Stream.concat(
                                    outbox.stream().map(r -> (String) r.get("event_id")),
                                    INJECTED.stream().map(Injected::eventId))
                            .sorted()
                            .toList();
                    assertThat(db
                                    .rows(
                                            INVENTORY_DB,
                                            "SELECT event_id, status FROM event_inbox WHERE status <> 'DONE'")
                                    .stream()
                                    .map(r -> r.get("event_id") + " " + r.get("status"))
                                    .toList())
                            .as("inbox rows not DONE")
                            .isEmpty();
                    for (String consumer : List.of(POINTS, SALES, REPORT)) {
                        List<String> applied = processed(consumer).stream()
                                .map(r -> (String) r.get("event_id"))
                                .sorted()
                                .toList();
                        assertThat(difference(applied, written))
                                .as("events applied by %s, compared with the written ones", consumer)
                                .isEmpty();
                    }
                    assertThat(allPoints()).as("points per user").isEqualTo(expectedPoints());
                    assertThat(allSold()).as("sold per sku").isEqualTo(expectedSold());
                    assertThat(reported("quantity"))
                            .as("reported units per sku")
                            .isEqualTo(expectedSold());
                    assertThat(reported("revenue"))
                            .as("reported revenue per sku")
                            .isEqualTo(expectedRevenue());
                });
    }

    /** "" when both hold the same ids once each; otherwise counts and a few of the extra and missing ids. */
    private static String difference(List<String> applied, List<String> written) {
        Set<String> writtenSet = new HashSet<>(written);
        Set<String> appliedSet = new HashSet<>(applied);
        List<String> extra =
                appliedSet.stream().filter(e -> !writtenSet.contains(e)).toList();
        List<String> missing =
                writtenSet.stream().filter(e -> !appliedSet.contains(e)).toList();
        long repeated = applied.size() - appliedSet.size();
        if (extra.isEmpty() && missing.isEmpty() && repeated == 0) {
            return "";
        }
        return "extra " + extra.size() + " " + extra.stream().limit(3).toList() + ", missing " + missing.size() + " "
                + missing.stream().limit(3).toList() + ", applied twice " + repeated;
    }

    private Map<Long, Long> allPoints() {
        return nonZero(ACCOUNT_DBS.stream()
                .flatMap(d -> db.rows(d, "SELECT user_id AS k, points AS v FROM " + "wallet_points").stream()));
    }

    private Map<Long, Long> allSold() {
        return nonZero(db.rows(INVENTORY_DB, "SELECT sku_id AS k, sold AS v FROM product_sales").stream());
    }

    /** The sales report summed over its days, per sku. */
    private Map<Long, Long> reported(String column) {
        return nonZero(db
                .rows(
                        INVENTORY_DB,
                        "SELECT sku_id AS k, SUM(" + column + ") AS v FROM sales_daily GROUP BY " + "sku_id")
                .stream());
    }

    private Map<Long, Long> expectedRevenue() {
        return nonZero(Stream.concat(
                placedOrders("sku_id AS k, SUM(amount) AS v", "sku_id"),
                INJECTED.stream().map(e -> Map.<String, Object>of("k", e.skuId(), "v", e.amount()))));
    }

    /** Inbox rows of a subscriber, in arrival order. */
    List<Map<String, Object>> inbox(String consumer) {
        return db.rows(INVENTORY_DB, "SELECT * FROM event_inbox WHERE consumer = '" + consumer + "' ORDER BY id");
    }

    private Map<Long, Long> expectedPoints() {
        return nonZero(Stream.concat(
                placedOrders("user_id AS k, SUM(FLOOR(amount / 100)) AS v", "user_id"),
                INJECTED.stream().map(e -> Map.<String, Object>of("k", e.userId(), "v", e.amount() / 100))));
    }

    private Map<Long, Long> expectedSold() {
        return nonZero(Stream.concat(
                placedOrders("sku_id AS k, SUM(quantity) AS v", "sku_id"),
                INJECTED.stream().map(e -> Map.<String, Object>of("k", e.skuId(), "v", (long) e.quantity()))));
    }

    private Stream<Map<String, Object>> placedOrders(String select, String groupBy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String d : ORDER_DBS) {
            for (String table : List.of("orders_0", "orders_1")) {
                rows.addAll(db.rows(
                        d, "SELECT " + select + " FROM " + table + " WHERE status = 'PLACED' GROUP BY " + groupBy));
            }
        }
        return rows.stream();
    }

    /** k -> v summed over rows of (k, v), without zero entries. */
    private static Map<Long, Long> nonZero(Stream<Map<String, Object>> rows) {
        Map<Long, Long> sums = new HashMap<>();
        rows.forEach(r -> sums.merge(((Number) r.get("k")).longValue(), ((Number) r.get("v")).longValue(), Long::sum));
        return sums.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
