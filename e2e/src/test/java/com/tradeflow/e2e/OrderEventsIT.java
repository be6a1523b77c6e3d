package com.tradeflow.e2e;

import com.tradeflow.devstack.service.ServiceName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order events through the transactional outbox and RocketMQ to the two subscribers (loyalty points in
 * provider-account, sold counters in provider-inventory): exactly once, never for a rolled-back purchase, in
 * order per order.
 */
@Order(11)
@ExtendWith(TestStack.class)
class OrderEventsIT {

    private static final String HOLD_BEFORE_COMMIT = "order.place.before-commit";
    private static final String FAIL_BEFORE_COMMIT = "order.place.fail-before-commit";
    private static final List<String> MODES = List.of("AT", "TCC", "XA");
    private static final int THREADS = 8;
    private static final int CONFLICT_RETRIES = 50;
    private static final long CONFLICT_PAUSE_MILLIS = 50;

    private final Api api = TestStack.api();
    private final Events events = new Events(TestStack.db());

    @AfterEach
    void disarm() {
        int web = TestStack.stack().httpPort(ServiceName.WEB);
        api.fault(web, HOLD_BEFORE_COMMIT, false);
        api.fault(web, FAIL_BEFORE_COMMIT, false);
    }

    @Test
    void shouldApplyEveryEventExactlyOnceInEverySubscriber() throws Exception {
        Random random = new Random(7);
        List<Callable<Api.Reply>> purchases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long user = 1 + random.nextInt(100);
            long sku = 1 + random.nextInt(10);
            String mode = MODES.get(random.nextInt(MODES.size()));
            purchases.add(() -> retryingConflicts(() -> api.placeOrder(user, sku, 1, mode)));
        }
        List<Api.Reply> replies = runAll(purchases);

        assertThat(replies).extracting(Api.Reply::status).as("every purchase placed").containsOnly(201);
        events.awaitConverged();
        for (Api.Reply placed : replies.stream().filter(r -> r.status() == 201).limit(20).toList()) {
            long orderId = placed.body().path("orderId").asLong();
            assertThat(events.outboxOf(orderId)).singleElement()
                    .satisfies(row -> assertThat(row.get("event_type")).isEqualTo("OrderPlaced"));
        }
    }

    /**
     * The purchase is held after every branch ran (AT: all committed locally, its outbox row visible to the relay
     * for seconds), then fails: the relay, polling every 200 ms meanwhile, must not have sent its event, and no
     * subscriber ever applies it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldPublishNothingForAPurchaseThatRollsBack(String mode) throws Exception {
        int web = TestStack.stack().httpPort(ServiceName.WEB);
        long user = 60;
        events.awaitConverged();
        Set<Object> before = eventIds(events.outbox());
        api.fault(web, HOLD_BEFORE_COMMIT, true);
        api.fault(web, FAIL_BEFORE_COMMIT, true);
        CompletableFuture<Api.Reply> placing = CompletableFuture.supplyAsync(() -> api.placeOrder(user, 2, 1, mode));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> TestStack.db().inFlightXids(mode), s -> !s.isEmpty());
            // many relay passes while the purchase is open
            Thread.sleep(2_000);
            List<Map<String, Object>> added = events.outbox().stream()
                    .filter(r -> !before.contains(r.get("event_id"))).toList();
            if ("AT".equals(mode)) {
                assertThat(added).as("AT: the row is committed locally, and held back by its global lock")
                        .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("PENDING"));
            } else {
                assertThat(added).as("%s: no visible row before the global commit", mode).isEmpty();
            }
            api.fault(web, HOLD_BEFORE_COMMIT, false);
            assertThat(placing.get(60, TimeUnit.SECONDS).status()).isEqualTo(500);
        } finally {
            api.fault(web, HOLD_BEFORE_COMMIT, false);
            api.fault(web, FAIL_BEFORE_COMMIT, false);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(eventIds(events.outbox())).as("rolled back with the order").isEqualTo(before));

        // a later purchase reaches the subscribers; what they applied is exactly the outbox, so never the event
        // of the rolled-back purchase
        Api.Reply later = api.placeOrder(user, 2, 1, mode);
        assertThat(later.status()).isEqualTo(201);
        events.awaitConverged();
        assertThat(eventIds(events.outbox())).hasSize(before.size() + 1);
    }

    private static Set<Object> eventIds(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("event_id")).collect(Collectors.toSet());
    }

    @Test
    void shouldDeliverPlacedBeforeCancelledForEveryOrder() throws Exception {
        List<Long> users = List.of(61L, 62L, 63L, 64L, 65L);
        Map<Long, Long> pointsBefore = new HashMap<>();
        users.forEach(u -> pointsBefore.put(u, events.points(u)));
        Random random = new Random(11);
        List<Callable<Api.Reply>> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long user = users.get(i % users.size());
            long sku = 1 + random.nextInt(5);
            String mode = MODES.get(i % MODES.size());
            pairs.add(() -> {
                Api.Reply placed = retryingConflicts(() -> api.placeOrder(user, sku, 1, mode));
                assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
                String orderId = placed.body().path("orderId").asText();
                // TCC: PENDING until the coordinator's confirm made it PLACED (a confirm may be retried)
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        api.order(orderId).body().path("status").asText().equals("PLACED"));
                return retryingConflicts(() -> api.cancel(orderId, user));
            });
        }
        List<Api.Reply> cancels = runAll(pairs);
        assertThat(cancels).allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isEqualTo(200));

        events.awaitConverged();
        for (Api.Reply cancelled : cancels) {
            long orderId = cancelled.body().path("orderId").asLong();
            for (String consumer : List.of(Events.POINTS, Events.SALES)) {
                assertThat(events.processedOf(consumer, orderId)).as("%s, order %d", consumer, orderId)
                        .extracting(r -> r.get("event_type")).containsExactly("OrderPlaced", "OrderCancelled");
            }
        }
        users.forEach(u -> assertThat(events.points(u)).as("points of user %d", u).isEqualTo(pointsBefore.get(u)));
    }

    /**
     * What a client does with 409 CONCURRENT_UPDATE (another mode's global transaction holds the same stock or
     * wallet row): try again a little later.
     */
    private static Api.Reply retryingConflicts(Supplier<Api.Reply> call) throws InterruptedException {
        Api.Reply reply = call.get();
        for (int attempt = 1; attempt < CONFLICT_RETRIES && "CONCURRENT_UPDATE".equals(reply.code()); attempt++) {
            Thread.sleep(CONFLICT_PAUSE_MILLIS);
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
