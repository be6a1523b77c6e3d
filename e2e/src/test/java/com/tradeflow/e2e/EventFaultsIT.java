package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.service.ServiceName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order events under real faults: the broker stopped, the relay killed between send and mark, a subscriber killed
 * while events flow, a send refused until the row is DEAD, a poison message dead-lettered and replayed. After each,
 * every event is applied exactly once by every subscriber ({@link Events#awaitConverged()}).
 */
@Order(12)
@ExtendWith(TestStack.class)
class EventFaultsIT {

    private static final String TOPIC = "tradeflow-order-events";
    private static final String HOLD_AFTER_SEND = "outbox.relay.after-send";
    private static final String REFUSE_SENDS = "events.send.refused";
    private static final long UNKNOWN_SKU = 999;

    private final Api api = TestStack.api();
    private final Databases db = TestStack.db();
    private final Events events = new Events(db);

    @AfterEach
    void disarm() {
        int web = TestStack.stack().httpPort(ServiceName.WEB);
        api.fault(web, HOLD_AFTER_SEND, false);
        api.fault(web, REFUSE_SENDS, false);
    }

    @Test
    void shouldDeliverEveryEventOnceAfterTheBrokerWasDown() throws Exception {
        events.awaitConverged();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger placed = new AtomicInteger();
        CompletableFuture<Void> purchases = CompletableFuture.runAsync(() -> {
            for (int i = 0; running.get(); i++) {
                if (api.placeOrder(70 + i % 5, 1 + i % 10, 1, List.of("AT", "TCC", "XA").get(i % 3)).status()
                        == 201) {
                    placed.incrementAndGet();
                }
                sleep(200);
            }
        });
        try {
            sleep(1_000);
            TestStack.stack().stopBroker();
            int beforeOutage = placed.get();
            sleep(20_000);
            assertThat(placed.get()).as("purchases go on while the broker is down").isGreaterThan(beforeOutage);
            assertThat(events.outbox()).as("events wait in the outbox")
                    .anyMatch(r -> "PENDING".equals(r.get("status")));
        } finally {
            TestStack.stack().restartBroker();
            running.set(false);
            purchases.get();
        }
        events.awaitConverged();
        assertThat(events.outbox()).as("no event lost an attempt to the outage")
                .noneMatch(r -> "DEAD".equals(r.get("status")));
    }

    @Test
    void shouldApplyTheDuplicateOnceWhenTheRelayDiesBetweenSendAndMark() throws Exception {
        int web = TestStack.stack().httpPort(ServiceName.WEB);
        events.awaitConverged();
        api.fault(web, HOLD_AFTER_SEND, true);
        Api.Reply reply = api.placeOrder(71, 3, 1, "AT");
        assertThat(reply.status()).isEqualTo(201);
        long orderId = reply.body().path("orderId").asLong();
        String eventId;
        try {
            // sent and applied, but the relay is held before marking the row SENT
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(events.processedOf(Events.POINTS, orderId)).hasSize(1);
                assertThat(events.processedOf(Events.SALES, orderId)).hasSize(1);
            });
            Map<String, Object> row = events.outboxOf(orderId).get(0);
            assertThat(row.get("status")).isEqualTo("PENDING");
            eventId = (String) row.get("event_id");
            TestStack.stack().kill(ServiceName.WEB);
        } finally {
            TestStack.stack().restart(ServiceName.WEB);
        }

        events.awaitConverged();
        try (Broker broker = new Broker(TestStack.stack().options().effectiveRocketmqNamesrv())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(broker.withKey(TOPIC, eventId)).as("the event was sent twice").hasSize(2));
        }
        assertThat(events.processedOf(Events.POINTS, orderId)).as("applied once").hasSize(1);
        assertThat(events.processedOf(Events.SALES, orderId)).as("applied once").hasSize(1);
    }

    @Test
    void shouldRedeliverToASubscriberKilledWhileEventsFlow() throws Exception {
        events.awaitConverged();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                long user = 80 + i % 10;
                long sku = 1 + i % 10;
                replies.add(pool.submit(() -> api.placeOrder(user, sku, 1, "AT")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> replies.stream().filter(Future::isDone).count() >= 20);
            // the points subscriber lives in provider-account: killed mid-stream, with events in flight
            TestStack.stack().kill(ServiceName.ACCOUNT);
            for (Future<Api.Reply> reply : replies) {
                reply.get();
            }
        } finally {
            pool.shutdown();
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }
        assertThat(replies.stream().filter(r -> done(r).status() == 201).count()).as("placed before the kill")
                .isGreaterThanOrEqualTo(20);
        events.awaitConverged();
    }

    @Test
    void shouldHoldARefusedEventAsDeadWithTheOrdersLaterEventsUntilRequeued() throws Exception {
        int web = TestStack.stack().httpPort(ServiceName.WEB);
        events.awaitConverged();
        api.fault(web, REFUSE_SENDS, true);
        Api.Reply placed = api.placeOrder(72, 4, 1, "AT");
        assertThat(placed.status()).isEqualTo(201);
        long orderId = placed.body().path("orderId").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.outboxOf(orderId))
                .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("DEAD")));
        api.fault(web, REFUSE_SENDS, false);

        // the cancellation's event waits behind the DEAD one: consumers must see placed first
        assertThat(api.cancel(String.valueOf(orderId), 72).status()).isEqualTo(200);
        Thread.sleep(2_000);
        assertThat(events.outboxOf(orderId)).extracting(r -> r.get("status")).containsExactly("DEAD", "PENDING");
        assertThat(events.processedOf(Events.POINTS, orderId)).isEmpty();

        Api.Reply dead = api.adminGet("/api/admin/outbox?status=DEAD");
        assertThat(dead.status()).isEqualTo(200);
        String eventId = (String) events.outboxOf(orderId).get(0).get("event_id");
        assertThat(dead.body().findValuesAsText("eventId")).contains(eventId);
        JsonNode requeued = api.adminPost("/api/admin/outbox/" + eventId + "/requeue").body();
        assertThat(requeued.path("status").asText()).isEqualTo("PENDING");
        assertThat(requeued.path("attempts").asInt()).isZero();

        events.awaitConverged();
        for (String consumer : List.of(Events.POINTS, Events.SALES)) {
            assertThat(events.processedOf(consumer, orderId)).extracting(r -> r.get("event_type"))
                    .containsExactly("OrderPlaced", "OrderCancelled");
        }
        assertThat(api.adminPost("/api/admin/outbox/" + eventId + "/requeue").code()).isEqualTo("EVENT_NOT_DEAD");
        assertThat(api.adminPost("/api/admin/outbox/no-such-event/requeue").status()).isEqualTo(404);
        assertThat(api.adminGet("/api/admin/outbox?status=LOST").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/admin/outbox").status()).as("no bearer token").isEqualTo(401);
    }

    /**
     * An OrderPlaced event for a product the catalogue does not know: the sold counter fails on it, retries, and
     * the broker dead-letters it, while other events keep flowing and the points subscriber applies it normally.
     * Once the product exists, a replay through the admin API applies it once; a second replay changes nothing.
     */
    @Test
    void shouldDeadLetterAPoisonMessageAndApplyItOnceWhenReplayedAfterTheFix() throws Exception {
        events.awaitConverged();
        long orderId = Math.abs(UUID.randomUUID().getMostSignificantBits() >>> 1);
        long user = 73;
        Events.Injected poison = new Events.Injected(UUID.randomUUID().toString(), user, UNKNOWN_SKU, 2, 4200);
        String body = String.format("{\"eventId\":\"%s\",\"type\":\"OrderPlaced\",\"orderId\":%d,\"userId\":%d,"
                + "\"skuId\":%d,\"quantity\":%d,\"amount\":%d,\"occurredAt\":\"%s\"}", poison.eventId(), orderId,
                user, UNKNOWN_SKU, poison.quantity(), poison.amount(), Instant.now());
        long pointsBefore = events.points(user);
        try (Broker broker = new Broker(TestStack.stack().options().effectiveRocketmqNamesrv())) {
            broker.send(TOPIC, "OrderPlaced", List.of(poison.eventId(), String.valueOf(orderId)), body, orderId);
        }
        Events.injected(poison);

        Api.Reply other = api.placeOrder(74, 5, 1, "AT");
        long otherId = other.body().path("orderId").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(events.processedOf(Events.SALES, otherId)).as("others flow").hasSize(1);
            assertThat(events.points(user)).as("points subscriber").isEqualTo(pointsBefore + 42);
        });
        JsonNode letter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(poison.eventId()),
                l -> l != null);
        assertThat(letter.path("reconsumeTimes").asInt()).as("dead-lettered after the retries").isGreaterThan(0);
        assertThat(events.processedOf(Events.SALES, orderId)).isEmpty();

        // the fix: the product exists now
        db.execute("tradeflow_inventory", "INSERT INTO products (sku_id, name, price) VALUES (" + UNKNOWN_SKU
                + ", 'Late catalogue entry', 2100)");
        String replay = "/api/admin/dead-letters/" + Events.SALES + "/" + letter.path("msgId").asText() + "/replay";
        assertThat(api.adminPost(replay).status()).isEqualTo(202);
        events.awaitConverged();
        assertThat(api.adminPost(replay).status()).as("a second replay is harmless").isEqualTo(202);
        Thread.sleep(2_000);
        events.awaitConverged();
        assertThat(events.processedOf(Events.SALES, orderId)).hasSize(1);
        assertThat(events.points(user)).as("points applied once").isEqualTo(pointsBefore + 42);

        assertThat(api.adminGet("/api/admin/dead-letters/no-such-group").status()).isEqualTo(404);
        assertThat(api.adminPost("/api/admin/dead-letters/" + Events.SALES + "/NO_SUCH_MSG/replay").status())
                .isEqualTo(404);
    }

    private JsonNode deadLetter(String eventId) {
        Api.Reply list = api.adminGet("/api/admin/dead-letters/" + Events.SALES);
        assertThat(list.status()).as("%s", list.body()).isEqualTo(200);
        for (JsonNode letter : list.body()) {
            if (eventId.equals(letter.path("eventId").asText())) {
                return letter;
            }
        }
        return null;
    }

    private static Api.Reply done(Future<Api.Reply> reply) {
        try {
            return reply.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
