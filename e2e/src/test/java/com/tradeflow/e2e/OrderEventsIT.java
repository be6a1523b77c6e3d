package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Order events to the two subscribers (loyalty points in provider-account, sold counters in provider-inventory):
 * exactly once, never for a rolled-back purchase, in order per order. Every test runs through both publishers at
 * once: consumer-web (transactional outbox and relay) and consumer-web-txmsg (RocketMQ transactional messages),
 * two instances on the same databases.
 */
@Order(11)
@ExtendWith(TestStack.class)
class OrderEventsIT {

    private static final String HOLD_BEFORE_COMMIT = "order.place.before-commit";
    private static final String FAIL_BEFORE_COMMIT = "order.place.fail-before-commit";
    private static final List<String> MODES = List.of("AT", "TCC", "XA");
    private static final int THREADS = 8;
    private static final Set<String> RETRIED =
            Set.of("CONCURRENT_UPDATE", "ORDER_NOT_CANCELLABLE", "DEPENDENCY_UNAVAILABLE");
    private static final Duration RETRY_FOR = Duration.ofSeconds(30);
    private static final long RETRY_PAUSE_MILLIS = 100;
    /**
     * The class's products and users are its own: ten skus at {@link #PRICE} with stock for every purchase of the
     * class, users able to pay for a hundred purchases (the random mix gives none of them that many).
     */
    private static final int SKUS = 10;

    private static final int PURCHASES = 200;

    private static final long PRICE = 1_000;
    private static final long UNITS = 1_000;
    private static final long BALANCE = 100 * PRICE;

    private static final List<ServiceName> PUBLISHERS = List.of(ServiceName.WEB, ServiceName.WEB_TRANSACTIONAL);

    private static List<Long> skus;
    /** The buyer of every run of the rollback test. */
    private static long rollbackBuyer;

    private final Api api = TestStack.api();
    private final Events events = new Events(TestStack.db());

    @BeforeAll
    static void createProductsAndBuyer() {
        skus = IntStream.range(0, SKUS)
                .mapToObj(i -> TestStack.db().newProduct(PRICE, UNITS))
                .toList();
        rollbackBuyer = TestStack.db().newUser(BALANCE);
    }

    @AfterEach
    void disarm() {
        for (ServiceName web : PUBLISHERS) {
            int port = TestStack.stack().managementPort(web);
            api.fault(port, HOLD_BEFORE_COMMIT, false);
            api.fault(port, FAIL_BEFORE_COMMIT, false);
        }
    }

    /**
     * {@value #PURCHASES} concurrent purchases over both publishers and every mode: each event applied once by every
     * subscriber (the chaos run checks the same over a longer history, under faults).
     */
    @Test
    void shouldApplyEveryEventExactlyOnceInEverySubscriber() throws Exception {
        List<Long> users = TestStack.db().newUsers(100, BALANCE);
        Random random = new Random(7);
        List<Callable<Api.Reply>> purchases = new ArrayList<>();
        for (int i = 0; i < PURCHASES; i++) {
            long user = users.get(random.nextInt(users.size()));
            long sku = skus.get(random.nextInt(SKUS));
            String mode = MODES.get(random.nextInt(MODES.size()));
            Api web = TestStack.api(PUBLISHERS.get(i % PUBLISHERS.size()));
            purchases.add(() -> retryingConflicts(() -> web.placeOrder(user, sku, 1, mode)));
        }
        List<Api.Reply> replies = runAll(purchases);

        Map<String, Long> outcomes = replies.stream()
                .collect(Collectors.groupingBy(
                        r -> r.status() == 201 ? "PLACED" : r.code(), TreeMap::new, Collectors.counting()));
        System.out.println(PURCHASES + " purchases: " + outcomes);
        assertThat(outcomes).as("every purchase placed: its user can pay").isEqualTo(Map.of("PLACED", (long)
                PURCHASES));
        events.awaitConverged();
        for (Api.Reply placed :
                replies.stream().filter(r -> r.status() == 201).limit(20).toList()) {
            long orderId = placed.body().path("orderId").asLong();
            assertThat(events.outboxOf(orderId))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("event_type")).isEqualTo("OrderPlaced"));
        }
    }

    /**
     * The purchase is held after every branch ran (AT: all committed locally, its outbox row visible to the relay
     * for seconds), then fails: the relay, polling every 200 ms meanwhile, must not have sent its event, and no
     * subscriber ever applies it.
     */
    @ParameterizedTest
    @CsvSource({
        "WEB, AT",
        "WEB, TCC",
        "WEB, XA",
        "WEB_TRANSACTIONAL, AT",
        "WEB_TRANSACTIONAL, TCC",
        "WEB_TRANSACTIONAL, XA"
    })
    void shouldPublishNothingForAPurchaseThatRollsBack(ServiceName publisher, String mode) throws Exception {
        int web = TestStack.stack().managementPort(publisher);
        Api client = TestStack.api(publisher);
        long user = rollbackBuyer;
        long sku = skus.get(0);
        events.awaitConverged();
        Set<Object> before = eventIds(events.outbox());
        client.fault(web, HOLD_BEFORE_COMMIT, true);
        client.fault(web, FAIL_BEFORE_COMMIT, true);
        CompletableFuture<Api.Reply> placing =
                CompletableFuture.supplyAsync(() -> client.placeOrder(user, sku, 1, mode));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> TestStack.db().inFlightXids(mode), s -> !s.isEmpty());
            // many relay passes while the purchase is open
            Thread.sleep(2_000);
            List<Map<String, Object>> added = events.outbox().stream()
                    .filter(r -> !before.contains(r.get("event_id")))
                    .toList();
            if ("AT".equals(mode)) {
                assertThat(added)
                        .as("AT: the row is committed locally, and held back by its global lock")
                        .singleElement()
                        .satisfies(r -> assertThat(r.get("status")).isNotEqualTo("SENT"));
            } else {
                assertThat(added)
                        .as("%s: no visible row before the global commit", mode)
                        .isEmpty();
            }
            client.fault(web, HOLD_BEFORE_COMMIT, false);
            assertThat(placing.get(60, TimeUnit.SECONDS).status()).isEqualTo(500);
        } finally {
            client.fault(web, HOLD_BEFORE_COMMIT, false);
            client.fault(web, FAIL_BEFORE_COMMIT, false);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventIds(events.outbox()))
                        .as("rolled back with the order")
                        .isEqualTo(before));

        // a later purchase reaches the subscribers; what they applied is exactly the outbox, so never the event
        // of the rolled-back purchase
        Api.Reply later = client.placeOrder(user, sku, 1, mode);
        assertThat(later.status()).isEqualTo(201);
        events.awaitConverged();
        assertThat(eventIds(events.outbox())).hasSize(before.size() + 1);
    }

    private static Set<Object> eventIds(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("event_id")).collect(Collectors.toSet());
    }

    @Test
    void shouldDeliverPlacedBeforeCancelledForEveryOrder() throws Exception {
        // ten wallets and ten skus: fewer hot rows than the place/cancel pairs would make on five of each
        List<Long> users = TestStack.db().newUsers(10, BALANCE);
        Map<Long, Long> pointsBefore = new HashMap<>();
        users.forEach(u -> pointsBefore.put(u, events.points(u)));
        Random random = new Random(11);
        List<Callable<Api.Reply>> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long user = users.get(i % users.size());
            long sku = skus.get(random.nextInt(SKUS));
            String mode = MODES.get(i % MODES.size());
            Api client = TestStack.api(PUBLISHERS.get(i % PUBLISHERS.size()));
            pairs.add(() -> {
                Api.Reply placed = retryingConflicts(() -> client.placeOrder(user, sku, 1, mode));
                assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
                String orderId = placed.body().path("orderId").asText();
                // TCC: PENDING until the coordinator's confirm made it PLACED (a confirm may be retried)
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> client.order(user, orderId)
                                .body()
                                .path("status")
                                .asText()
                                .equals("PLACED"));
                return retryingConflicts(() -> client.cancel(orderId, user));
            });
        }
        List<Api.Reply> cancels = runAll(pairs);
        assertThat(cancels)
                .allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isEqualTo(200));

        events.awaitConverged();
        for (Api.Reply cancelled : cancels) {
            long orderId = cancelled.body().path("orderId").asLong();
            for (String consumer : List.of(Events.POINTS, Events.SALES)) {
                assertThat(events.processedOf(consumer, orderId))
                        .as("%s, order %d", consumer, orderId)
                        .extracting(r -> r.get("event_type"))
                        .containsExactly("OrderPlaced", "OrderCancelled");
            }
        }
        users.forEach(
                u -> assertThat(events.points(u)).as("points of user %d", u).isEqualTo(pointsBefore.get(u)));
    }

    /**
     * What a client does with 409 CONCURRENT_UPDATE (another mode's global transaction holds the same stock or
     * wallet row), ORDER_NOT_CANCELLABLE (the order's placement is still being confirmed or published) or 503
     * DEPENDENCY_UNAVAILABLE (a provider call timed out behind those row locks on a busy machine; rolled back): try
     * again a little later. This test is about the order of events, not about availability under contention.
     */
    private static Api.Reply retryingConflicts(Supplier<Api.Reply> call) throws InterruptedException {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        Api.Reply reply = call.get();
        while (RETRIED.contains(reply.code()) && System.nanoTime() < deadline) {
            Thread.sleep(RETRY_PAUSE_MILLIS);
            reply = call.get();
        }
        return reply;
    }

    private static List<Api.Reply> runAll(List<Callable<Api.Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }
}
