package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Order events under real faults, for both publishers: the broker stopped, the relay killed between send and mark,
 * the transactional-message publisher killed between the commit and the end of its half message, a subscriber
 * killed while events flow, sends refused (outbox: the row goes DEAD, its order's later events wait; transactional
 * message: the purchase is refused), a poison message dead-lettered and replayed. After each, every event is
 * applied exactly once by every subscriber ({@link Events#awaitConverged()}).
 */
@Order(12)
@ExtendWith(TestStack.class)
// a fixed order, the slow broker restart last
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventFaultsIT {

    private static final String TOPIC = "tradeflow-order-events";
    private static final String HOLD_AFTER_SEND = "outbox.relay.after-send";
    private static final String REFUSE_SENDS = "events.send.refused";
    private static final String HOLD_BEFORE_END = "events.transactional.before-end";
    private static final String HOLD_IN_CONSUMER = "events.consume.hold";
    private static final String SLOW_INBOX = "events.inbox.slow";
    private static final long UNKNOWN_SKU = 999;
    /**
     * The outage lasts until several purchases went through each instance with the broker gone (each instance's
     * producer has seen it gone: the transactional one refuses), at most this long.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Purchases per instance during the outage: several, not a lucky one. */
    private static final int PURCHASES_IN_OUTAGE = 3;
    /**
     * Each user's money: two hundred purchases at {@link #PRICE}, more than a user's share of those made while the
     * broker is down and restarts (one every 200 ms, over five users).
     */
    private static final long BALANCE = 100_000;

    private static final long PRICE = 500;
    private static final long UNITS = 1_000;

    private final Api api = TestStack.api();
    private final Databases db = TestStack.db();
    private final Events events = new Events(db);
    /** The class's own users, the tests buying with different ones (0-4 the busiest). */
    private static List<Long> users;
    /** The class's own products; purchases spread over all three where a test makes many. */
    private static List<Long> skus;

    @BeforeAll
    static void createUsersAndProducts() {
        users = TestStack.db().newUsers(30, BALANCE);
        skus = IntStream.range(0, 3)
                .mapToObj(i -> TestStack.db().newProduct(PRICE, UNITS))
                .toList();
    }

    @AfterEach
    void disarm() {
        for (ServiceName instance : List.of(ServiceName.WEB, ServiceName.WEB_TRANSACTIONAL)) {
            int web = TestStack.stack().managementPort(instance);
            api.fault(web, HOLD_AFTER_SEND, false);
            api.fault(web, REFUSE_SENDS, false);
            api.fault(web, HOLD_BEFORE_END, false);
        }
    }

    /**
     * Purchases go on through both consumer-web instances while the broker is stopped (until each instance has
     * answered several of them without it): the outbox instance keeps placing orders (their events wait), the
     * transactional-message instance refuses them (503, nothing written: its half message is part of the
     * transaction). provider-inventory killed and started meanwhile starts without its subscriptions (a chaos run found it
     * failing to start) and takes them up once the broker is back. After the restart every event arrives once.
     */
    @Test
    @Order(7)
    void shouldDeliverEveryEventOnceAfterTheBrokerWasDown() throws Exception {
        events.awaitConverged();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<ServiceName, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
        CompletableFuture<Void> purchases = CompletableFuture.runAsync(() -> {
            for (int i = 0; running.get(); i++) {
                ServiceName web = i % 2 == 0 ? ServiceName.WEB : ServiceName.WEB_TRANSACTIONAL;
                Api.Reply reply = TestStack.api(web)
                        .placeOrder(
                                users.get(i % 5),
                                skus.get(i % 3),
                                1,
                                List.of("AT", "TCC", "XA").get(i % 3));
                statuses.computeIfAbsent(web, w -> new ConcurrentHashMap<>()).merge(reply.status(), 1, Integer::sum);
                sleep(200);
            }
        });
        try {
            sleep(1_000);
            TestStack.stack().stopBroker();
            statuses.clear();
            // the outage lasts until what it is for was seen, not a fixed time
            await("purchases through both instances with the broker down")
                    .atMost(OUTAGE)
                    .untilAsserted(() -> {
                        assertThat(statuses.getOrDefault(ServiceName.WEB, Map.of())
                                        .getOrDefault(201, 0))
                                .as("outbox: purchases go on")
                                .isGreaterThanOrEqualTo(PURCHASES_IN_OUTAGE);
                        assertThat(statuses.getOrDefault(ServiceName.WEB_TRANSACTIONAL, Map.of())
                                        .getOrDefault(503, 0))
                                .as("transactional message: refused")
                                .isGreaterThanOrEqualTo(PURCHASES_IN_OUTAGE);
                    });
            System.out.println("purchases while the broker was down: " + statuses);
            assertThat(statuses.get(ServiceName.WEB))
                    .as("outbox: purchases go on")
                    .containsKey(201);
            assertThat(statuses.get(ServiceName.WEB_TRANSACTIONAL))
                    .as("transactional message: refused")
                    .containsKey(503);
            assertThat(events.outbox())
                    .as("events wait in the outbox")
                    .anyMatch(r -> "PENDING".equals(r.get("status")));
            // the purchases end first: a participant killed between acknowledging its AT commit and deleting its undo
            // log leaves the log behind for good (and later tests waiting for none would wait forever)
            running.set(false);
            purchases.get();
            db.awaitNoUndoLogs();
            // killed (no graceful stop to wait for) and started again: fails with the log tail if the service cannot
            // start without the broker (whose clean stop has gone on meanwhile: wait for its end)
            TestStack.stack().awaitBrokerStopped();
            TestStack.stack().kill(ServiceName.INVENTORY);
            TestStack.stack().restart(ServiceName.INVENTORY);
        } finally {
            TestStack.stack().restartBroker();
            running.set(false);
            purchases.get();
        }
        events.awaitConverged();
        assertThat(events.outbox())
                .as("no event lost an attempt to the outage")
                .noneMatch(r -> "DEAD".equals(r.get("status")));
    }

    /**
     * Both consumer-web instances die while publishing: the relays (both run, one per database at a time) are held
     * after a send, before marking the row SENT; the transactional-message instance is held after the global
     * commit, before ending its half message. After the restart the outbox row is sent again (the broker has it
     * twice) and applied once; the half message is committed by the broker's check-back and applied once.
     */
    @Test
    @Order(1)
    void shouldDeliverOnceWhenBothWebInstancesDieWhilePublishing() throws Exception {
        int web = TestStack.stack().managementPort(ServiceName.WEB);
        int transactional = TestStack.stack().managementPort(ServiceName.WEB_TRANSACTIONAL);
        events.awaitConverged();
        api.fault(web, HOLD_AFTER_SEND, true);
        api.fault(transactional, HOLD_AFTER_SEND, true);
        api.fault(transactional, HOLD_BEFORE_END, true);
        Api.Reply outboxReply = api.placeOrder(users.get(5), skus.get(0), 1, "AT");
        assertThat(outboxReply.status()).isEqualTo(201);
        long outboxOrder = outboxReply.body().path("orderId").asLong();
        Set<Object> before = eventIds(events.outbox());
        CompletableFuture<Api.Reply> placing = CompletableFuture.supplyAsync(
                () -> TestStack.api(ServiceName.WEB_TRANSACTIONAL).placeOrder(users.get(6), skus.get(1), 1, "AT"));
        String outboxEvent;
        long transactionalOrder;
        try {
            // the outbox event is sent and applied, its row not marked
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(events.processedOf(Events.POINTS, outboxOrder)).hasSize(1);
                assertThat(events.processedOf(Events.SALES, outboxOrder)).hasSize(1);
            });
            Map<String, Object> row = events.outboxOf(outboxOrder).get(0);
            assertThat(row.get("status")).isEqualTo("PENDING");
            outboxEvent = (String) row.get("event_id");
            // the transactional purchase committed, its half message not ended
            Map<String, Object> half = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> events.outbox().stream()
                                    .filter(r -> !before.contains(r.get("event_id")))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            assertThat(half.get("status")).isEqualTo("TRANSACTIONAL");
            transactionalOrder = ((Number) half.get("aggregate_id")).longValue();
            // phase two over everywhere (a participant killed before that leaves its undo logs behind)
            db.awaitNoUndoLogs();
            assertThat(events.processedOf(Events.POINTS, transactionalOrder)).isEmpty();
            // at one instant: killed one after the other, the survivor's relay (polling fast, since the database
            // was busy) takes over the lock the first one held and sends the row once more before it dies
            TestStack.stack().kill(List.of(ServiceName.WEB, ServiceName.WEB_TRANSACTIONAL));
            assertThat(placing.handle((r, e) -> r == null || r.status() != 201).get())
                    .isTrue();
        } finally {
            // both at once; the broker's check-backs wait for the transactional instance
            TestStack.stack().restart(List.of(ServiceName.WEB_TRANSACTIONAL, ServiceName.WEB));
        }

        events.awaitConverged();
        try (Broker broker = Broker.of(TestStack.stack().options())) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(broker.withKey(TOPIC, outboxEvent))
                            .as("the event was sent twice")
                            .hasSize(2));
        }
        for (long order : List.of(outboxOrder, transactionalOrder)) {
            assertThat(events.processedOf(Events.POINTS, order))
                    .as("applied once")
                    .hasSize(1);
            assertThat(events.processedOf(Events.SALES, order))
                    .as("applied once")
                    .hasSize(1);
        }
    }

    /**
     * provider-account's points subscriber is killed while it applies events (held inside its transaction, after
     * the effect, before the commit, with more events queued): after the restart the broker redelivers, and each
     * is applied once. Purchases are finished before the kill (killing an AT participant mid-purchase leaves the
     * undo logs of its committed branches behind, which is another story).
     */
    @Test
    @Order(2)
    void shouldRedeliverToASubscriberKilledInTheMiddleOfItsTransactions() throws Exception {
        events.awaitConverged();
        int account = TestStack.stack().managementPort(ServiceName.ACCOUNT);
        api.fault(account, HOLD_IN_CONSUMER, true);
        List<Long> orders = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Api web = TestStack.api(i % 2 == 0 ? ServiceName.WEB : ServiceName.WEB_TRANSACTIONAL);
                Api.Reply reply = web.placeOrder(users.get(10 + i % 10), skus.get(i % 3), 1, "AT");
                assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
                orders.add(reply.body().path("orderId").asLong());
            }
            db.awaitNoUndoLogs();
            // the sold counter applied them; the points subscriber holds its first ones uncommitted
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(orders)
                            .allSatisfy(o -> assertThat(events.processedOf(Events.SALES, o))
                                    .hasSize(1)));
            assertThat(orders)
                    .allSatisfy(o ->
                            assertThat(events.processedOf(Events.POINTS, o)).isEmpty());
            TestStack.stack().kill(ServiceName.ACCOUNT);
        } finally {
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }
        events.awaitConverged();
        assertThat(orders)
                .allSatisfy(
                        o -> assertThat(events.processedOf(Events.POINTS, o)).hasSize(1));
    }

    @Test
    @Order(3)
    void shouldHoldARefusedEventAsDeadWithTheOrdersLaterEventsUntilRequeued() throws Exception {
        int web = TestStack.stack().managementPort(ServiceName.WEB);
        int transactional = TestStack.stack().managementPort(ServiceName.WEB_TRANSACTIONAL);
        events.awaitConverged();
        // both instances run a relay: the broker refuses both
        api.fault(web, REFUSE_SENDS, true);
        api.fault(transactional, REFUSE_SENDS, true);
        long user = users.get(7);
        Api.Reply placed = api.placeOrder(user, skus.get(0), 1, "AT");
        assertThat(placed.status()).isEqualTo(201);
        long orderId = placed.body().path("orderId").asLong();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(events.outboxOf(orderId))
                        .singleElement()
                        .satisfies(r -> assertThat(r.get("status")).isEqualTo("DEAD")));
        api.fault(web, REFUSE_SENDS, false);
        api.fault(transactional, REFUSE_SENDS, false);

        // the cancellation's event waits behind the DEAD one: consumers must see placed first
        assertThat(api.cancel(String.valueOf(orderId), user).status()).isEqualTo(200);
        Thread.sleep(2_000);
        assertThat(events.outboxOf(orderId)).extracting(r -> r.get("status")).containsExactly("DEAD", "PENDING");
        assertThat(events.processedOf(Events.POINTS, orderId)).isEmpty();

        Api.Reply dead = api.adminGet("/api/admin/outbox?status=DEAD");
        assertThat(dead.status()).isEqualTo(200);
        String eventId = (String) events.outboxOf(orderId).get(0).get("event_id");
        assertThat(dead.body().findValuesAsText("eventId")).contains(eventId);
        JsonNode requeued =
                api.adminPost("/api/admin/outbox/" + eventId + "/requeue").body();
        assertThat(requeued.path("status").asText()).isEqualTo("PENDING");
        assertThat(requeued.path("attempts").asInt()).isZero();

        events.awaitConverged();
        for (String consumer : List.of(Events.POINTS, Events.SALES)) {
            assertThat(events.processedOf(consumer, orderId))
                    .extracting(r -> r.get("event_type"))
                    .containsExactly("OrderPlaced", "OrderCancelled");
        }
        assertThat(api.adminPost("/api/admin/outbox/" + eventId + "/requeue").code())
                .isEqualTo("EVENT_NOT_DEAD");
        assertThat(api.adminPost("/api/admin/outbox/no-such-event/requeue").status())
                .isEqualTo(404);
        assertThat(api.adminGet("/api/admin/outbox?status=LOST").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/admin/outbox").status()).as("no bearer token").isEqualTo(401);
    }

    @Test
    @Order(4)
    void shouldRefuseThePurchaseWhenTheBrokerRefusesItsHalfMessage() throws Exception {
        int web = TestStack.stack().managementPort(ServiceName.WEB_TRANSACTIONAL);
        events.awaitConverged();
        Map<String, List<Map<String, Object>>> before = db.snapshot();
        Set<Object> eventsBefore = eventIds(events.outbox());
        api.fault(web, REFUSE_SENDS, true);
        for (String mode : List.of("AT", "TCC", "XA")) {
            Api.Reply reply =
                    TestStack.api(ServiceName.WEB_TRANSACTIONAL).placeOrder(users.get(8), skus.get(0), 1, mode);
            assertThat(reply.status()).as("%s %s", mode, reply.body()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        }
        api.fault(web, REFUSE_SENDS, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(db.snapshot()).as("nothing written").isEqualTo(before);
            assertThat(eventIds(events.outbox())).isEqualTo(eventsBefore);
        });
    }

    /**
     * An OrderPlaced event for a product the catalogue does not know: the sold counter fails on it, retries, and
     * the broker dead-letters it, while other events keep flowing and the points subscriber applies it normally.
     * Once the product exists, a replay through the admin API applies it once; a second replay changes nothing.
     */
    @Test
    @Order(5)
    void shouldDeadLetterAPoisonMessageAndApplyItOnceWhenReplayedAfterTheFix() throws Exception {
        events.awaitConverged();
        long orderId = Math.abs(UUID.randomUUID().getMostSignificantBits() >>> 1);
        long user = users.get(9);
        Events.Injected poison = new Events.Injected(UUID.randomUUID().toString(), user, UNKNOWN_SKU, 2, 4200, orderId);
        String body = Events.orderPlacedBody(poison);
        long pointsBefore = events.points(user);
        try (Broker broker = Broker.of(TestStack.stack().options())) {
            broker.send(TOPIC, "OrderPlaced", List.of(poison.eventId(), String.valueOf(orderId)), body, orderId);
        }
        Events.injected(poison);

        Api.Reply other = api.placeOrder(users.get(4), skus.get(0), 1, "AT");
        long otherId = other.body().path("orderId").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(events.processedOf(Events.SALES, otherId))
                    .as("others flow")
                    .hasSize(1);
            assertThat(events.points(user)).as("points subscriber").isEqualTo(pointsBefore + 42);
        });
        JsonNode letter =
                await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(poison.eventId()), l -> l != null);
        assertThat(letter.path("reconsumeTimes").asInt())
                .as("dead-lettered after the retries")
                .isGreaterThan(0);
        assertThat(events.processedOf(Events.SALES, orderId)).isEmpty();

        // the fix: the product exists now
        db.execute(
                "tradeflow_inventory",
                "INSERT INTO products (sku_id, name, price) VALUES (" + UNKNOWN_SKU
                        + ", 'Late catalogue entry', 2100)");
        String replay = "/api/admin/dead-letters/" + Events.SALES + "/"
                + letter.path("msgId").asText() + "/replay";
        assertThat(api.adminPost(replay).status()).isEqualTo(202);
        events.awaitConverged();
        assertThat(api.adminPost(replay).status())
                .as("a second replay is harmless")
                .isEqualTo(202);
        Thread.sleep(2_000);
        events.awaitConverged();
        assertThat(events.processedOf(Events.SALES, orderId)).hasSize(1);
        assertThat(events.points(user)).as("points applied once").isEqualTo(pointsBefore + 42);

        assertThat(api.adminGet("/api/admin/dead-letters/no-such-group").status())
                .isEqualTo(404);
        assertThat(api.adminPost("/api/admin/dead-letters/" + Events.SALES + "/NO_SUCH_MSG/replay")
                        .status())
                .isEqualTo(404);
    }

    /**
     * The sales report subscriber goes through its inbox: with its handler made slow (500 ms per event), the
     * broker still has every message acknowledged long before the report has applied them; the report then
     * catches up, each event applied once. The subscribers without an inbox are not held up either.
     */
    @Test
    @Order(6)
    void shouldAcknowledgeAtOnceWhileTheInboxSubscriberIsSlow() throws Exception {
        events.awaitConverged();
        int inventory = TestStack.stack().managementPort(ServiceName.INVENTORY);
        int purchases = 24;
        List<Long> orders = new ArrayList<>();
        api.fault(inventory, SLOW_INBOX, true);
        try (Broker broker = Broker.of(TestStack.stack().options())) {
            long start = System.nanoTime();
            for (int i = 0; i < purchases; i++) {
                Api.Reply reply = api.placeOrder(users.get(20 + i % 10), skus.get(0), 1, "AT");
                assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
                orders.add(reply.body().path("orderId").asLong());
            }
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        assertThat(broker.lag(TOPIC, Events.REPORT))
                                .as("unacknowledged messages")
                                .isZero();
                        Set<Long> stored = events.inbox(Events.REPORT).stream()
                                .map(r -> ((Number) r.get("order_id")).longValue())
                                .collect(Collectors.toSet());
                        assertThat(stored).as("stored in the inbox").containsAll(orders);
                    });
            long acknowledgedMillis = (System.nanoTime() - start) / 1_000_000;
            long appliedWhenAcknowledged = orders.stream()
                    .filter(o -> !events.processedOf(Events.REPORT, o).isEmpty())
                    .count();
            assertThat(appliedWhenAcknowledged)
                    .as("applied by the report when the broker had every ack")
                    .isLessThan(purchases);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(orders)
                            .as("the sold counter (no inbox) is not held up by the slow report")
                            .allSatisfy(o -> assertThat(events.processedOf(Events.SALES, o))
                                    .hasSize(1)));
            System.out.printf(
                    "inbox: %d purchases acknowledged %d ms after the first, %d of them applied by then%n",
                    purchases, acknowledgedMillis, appliedWhenAcknowledged);
        } finally {
            api.fault(inventory, SLOW_INBOX, false);
        }
        events.awaitConverged();
        assertThat(orders)
                .allSatisfy(
                        o -> assertThat(events.processedOf(Events.REPORT, o)).hasSize(1));
    }

    private static Set<Object> eventIds(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("event_id")).collect(Collectors.toSet());
    }

    /** The dead letter of that event, or null while there is none (or the broker cannot be read just now). */
    private JsonNode deadLetter(String eventId) {
        Api.Reply list = api.adminGet("/api/admin/dead-letters/" + Events.SALES);
        if (list.status() == 503) {
            // a browse racing the broker's first write to the dead-letter topic failed once in CI ("Invoke
            // Broker exception"): the API says so with 503, and the next poll reads it
            return null;
        }
        assertThat(list.status()).as("%s", list.body()).isEqualTo(200);
        for (JsonNode letter : list.body()) {
            if (eventId.equals(letter.path("eventId").asText())) {
                return letter;
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
