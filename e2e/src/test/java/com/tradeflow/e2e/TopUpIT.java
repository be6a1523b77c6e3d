package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.TopUpEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wallet top-ups through the stack's payment gateway (gateway-sim, a real HTTP server): the happy path with its
 * idempotency and validation, a payment that fails, and every kind of bad notification.
 */
@Order(13)
@ExtendWith(TestStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopUpIT {

    private final Api api = TestStack.api();
    private final Gateway gateway = new Gateway(TestStack.stack());
    private final TopUps topUps = new TopUps(TestStack.db());

    @AfterEach
    void noFaults() {
        gateway.faults(Gateway.NO_FAULTS);
    }

    @Test
    @Order(1)
    void shouldCreditASucceededTopUpOnceAndAnswerARepeatedKeyWithTheSameTopUp() {
        long user = TestStack.db().newUser(100_000);
        long before = api.balance(user);
        String key = UUID.randomUUID().toString();

        Api.Reply started = api.topUp(user, 5000, key);
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        // the answer reads the top-up back after handing it to the gateway, whose notification may be in already
        assertThat(started.body().path("status").asText()).isIn("PENDING", "SUCCEEDED");
        String topUpId = started.body().path("topUpId").asText();
        String number = started.body().path("merchantOrderNo").asText();
        assertThat(number).startsWith("TU");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.as(user)
                                .get("/api/topups/" + topUpId)
                                .body()
                                .path("status")
                                .asText())
                        .isEqualTo("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.balance(user)).isEqualTo(before + 5000));

        Api.Reply again = api.topUp(user, 5000, key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("topUpId").asText()).isEqualTo(topUpId);
        assertThat(again.body().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.topUp(user, 6000, key).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Api.Reply ours = api.adminGet("/api/payments/" + number);
        assertThat(ours.status()).isEqualTo(200);
        assertThat(ours.body().path("topUpId").asText()).isEqualTo(topUpId);
        assertThat(ours.body().path("paymentId").asText()).startsWith("pay_");
        assertThat(api.adminGet("/api/payments/TU1").status()).isEqualTo(404);
        JsonNode theirs = gateway.payments().get(number);
        assertThat(theirs.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(theirs.path("paymentId").asText())
                .isEqualTo(ours.body().path("paymentId").asText());
        assertThat(topUps.credits())
                .filteredOn(c -> number.equals(c.get("merchant_order_no")))
                .hasSize(1);
        assertThat(api.balance(user)).isEqualTo(before + 5000);
    }

    @Test
    @Order(2)
    void shouldRefuseBadTopUpRequestsAndStoreNothing() {
        long user = TestStack.db().newUser(100_000);
        int rows = topUps.topUps().size();
        assertThat(api.topUp(user, 5000, null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.topUp(user, 0, "k-zero").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.topUp(user, -5, "k-negative").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.topUp(user, 1_000_001, "k-too-much").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.as(user)
                        .post("/api/wallets/" + user + "/topups", "{\"amount\":\"lots\"}", "k-text")
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        Api.Reply noWallet = api.topUp(100_000, 100, "k-nobody");
        assertThat(noWallet.status()).isEqualTo(404);
        assertThat(api.as(user).get("/api/topups/42").status()).isEqualTo(404);
        assertThat(topUps.topUps()).hasSize(rows);
    }

    @Test
    @Order(3)
    void shouldFailATopUpWhosePaymentFailsAndCreditNothing() {
        long user = TestStack.db().newUser(100_000);
        long before = api.balance(user);
        gateway.faults("{\"failedRate\":1}");
        Api.Reply started = api.topUp(user, 2500, UUID.randomUUID().toString());
        assertThat(started.status()).isEqualTo(202);
        String topUpId = started.body().path("topUpId").asText();
        String number = started.body().path("merchantOrderNo").asText();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.as(user)
                                .get("/api/topups/" + topUpId)
                                .body()
                                .path("status")
                                .asText())
                        .isEqualTo("FAILED"));
        assertThat(api.as(user)
                        .get("/api/topups/" + topUpId)
                        .body()
                        .path("failureReason")
                        .asText())
                .isEqualTo("PAYMENT_FAILED");
        assertThat(gateway.payments().get(number).path("status").asText()).isEqualTo("FAILED");
        // the credit would have been applied within this time, had the event been written
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(api.balance(user)).isEqualTo(before);
            assertThat(topUps.credits()).noneMatch(c -> number.equals(c.get("merchant_order_no")));
        });
    }

    /**
     * Bad notifications against a top-up that stays PENDING (the gateway refuses every call for a while): forged,
     * unsigned, stale, for an unknown payment, malformed: each refused, nothing stored, nothing credited. The
     * top-up is flagged for review while the gateway keeps failing, then settles once it recovers. Afterwards a
     * genuine notification delivered twice (a replay) and one contradicting the final status change nothing.
     */
    @Test
    @Order(4)
    void shouldRefuseBadNotificationsFlagAStuckTopUpForReviewAndIgnoreReplays() {
        long user = TestStack.db().newUser(100_000);
        long before = api.balance(user);
        gateway.faults("{\"errorRate\":1}");
        Api.Reply started = api.topUp(user, 3000, UUID.randomUUID().toString());
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        String topUpId = started.body().path("topUpId").asText();
        String number = started.body().path("merchantOrderNo").asText();
        long stored = topUps.notificationCount();

        long now = Instant.now().getEpochSecond();
        String body = notification("ntf_test_" + UUID.randomUUID(), number, 3000, "SUCCEEDED");
        String ts = String.valueOf(now);
        assertRefused(api.callback(ts, Gateway.sign("not-the-secret", now, body), body), 401, "INVALID_SIGNATURE");
        assertRefused(api.callback(ts, null, body), 401, "INVALID_SIGNATURE");
        assertRefused(api.callback(null, gateway.sign(now, body), body), 401, "INVALID_SIGNATURE");
        String otherBody = notification("ntf_test_" + UUID.randomUUID(), number, 3, "SUCCEEDED");
        assertRefused(api.callback(ts, gateway.sign(now, otherBody), body), 401, "INVALID_SIGNATURE");
        long tenMinutesAgo = now - 600;
        assertRefused(
                api.callback(String.valueOf(tenMinutesAgo), gateway.sign(tenMinutesAgo, body), body),
                401,
                "STALE_NOTIFICATION");
        String unknown = notification("ntf_test_" + UUID.randomUUID(), "TU999", 3000, "SUCCEEDED");
        assertRefused(api.callback(ts, gateway.sign(now, unknown), unknown), 404, "NOT_FOUND");
        for (String malformed : new String[] {
            "{not json",
            "{\"notificationId\":\"ntf_x\"}",
            "[]",
            notification("", number, 3000, "SUCCEEDED"),
            notification("ntf_x", number, 3000, "PAID")
        }) {
            assertRefused(api.callback(ts, gateway.sign(now, malformed), malformed), 400, "VALIDATION_FAILED");
        }
        // over the cap (16 KB): refused before the signature is even looked at, however well it is signed
        String padded = body.substring(0, body.length() - 1) + ",\"padding\":\"" + "x".repeat(64 * 1024) + "\"}";
        assertRefused(api.callback(ts, gateway.sign(now, padded), padded), 413, "PAYLOAD_TOO_LARGE");
        assertThat(api.as(user)
                        .get("/api/topups/" + topUpId)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("PENDING");
        assertThat(topUps.notificationCount()).isEqualTo(stored);
        assertThat(api.balance(user)).isEqualTo(before);

        // the gateway still refuses everything: after review-after (6 s in the test stack) an operator sees it
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                api.adminGet("/api/admin/topups/review").body().findValuesAsText("topUpId"))
                        .contains(topUpId));
        assertThat(api.get("/api/admin/topups/review").status()).isEqualTo(401);
        gateway.faults(Gateway.NO_FAULTS);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.as(user)
                                .get("/api/topups/" + topUpId)
                                .body()
                                .path("status")
                                .asText())
                        .isEqualTo("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.balance(user)).isEqualTo(before + 3000));
        assertThat(api.adminGet("/api/admin/topups/review").body().findValuesAsText("topUpId"))
                .doesNotContain(topUpId);

        // a genuine notification, then the very same request again (a replay inside the time window)
        long later = Instant.now().getEpochSecond();
        String genuine = notification("ntf_test_" + UUID.randomUUID(), number, 3000, "SUCCEEDED");
        String signature = gateway.sign(later, genuine);
        for (int delivery = 0; delivery < 2; delivery++) {
            Api.Reply reply = api.callback(String.valueOf(later), signature, genuine);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.code()).isEqualTo("SUCCESS");
            assertThat(reply.body().path("outcome").asText()).isEqualTo("ALREADY_FINAL");
        }
        // the gateway contradicting itself: acknowledged (re-sending would not help), the state stays, review flag
        String contradiction = notification("ntf_test_" + UUID.randomUUID(), number, 3000, "FAILED");
        Api.Reply conflict = api.callback(String.valueOf(later), gateway.sign(later, contradiction), contradiction);
        assertThat(conflict.body().path("outcome").asText()).isEqualTo("CONFLICT");
        JsonNode topUp = api.as(user).get("/api/topups/" + topUpId).body();
        assertThat(topUp.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(topUp.path("review").asText()).contains("FAILED");
        assertThat(api.adminGet("/api/admin/topups/review").body().findValuesAsText("topUpId"))
                .as("a settled top-up the gateway contradicts is listed for an operator")
                .contains(topUpId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(api.balance(user)).isEqualTo(before + 3000);
            assertThat(topUps.credits())
                    .filteredOn(c -> number.equals(c.get("merchant_order_no")))
                    .hasSize(1);
        });
    }

    /**
     * TopUpSucceeded messages written straight to the broker (no signature, a wrong one, a genuine-looking one for
     * another amount) credit nothing: each goes to the dead letters at once, and a real top-up of the same user
     * behind them is credited as usual.
     */
    @Test
    @Order(5)
    void shouldCreditNothingForForgedTopUpMessages() throws Exception {
        long user = TestStack.db().newUser(100_000);
        long before = api.balance(user);
        long credited = topUps.creditedAmount();
        String run = UUID.randomUUID().toString();
        String deadLetters = EventTopics.deadLetterTopic(EventTopics.TOP_UP_GROUP);

        try (Broker broker = Broker.of(TestStack.stack().options())) {
            for (String signature : new String[] {null, "00".repeat(32), "not-hex"}) {
                String eventId = "forged-" + run + "-" + (signature == null ? "unsigned" : signature.length());
                broker.send(
                        EventTopics.WALLET_EVENTS,
                        TopUpEvent.SUCCEEDED,
                        List.of(eventId),
                        forgedTopUp(eventId, user, signature),
                        user);
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(broker.withKey(deadLetters, eventId))
                                .as("dead-lettered at once")
                                .isNotEmpty());
            }
        }

        Api.Reply genuine = api.topUp(user, 2500, UUID.randomUUID().toString());
        assertThat(genuine.status()).as("%s", genuine.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.balance(user)).isEqualTo(before + 2500));
        assertThat(topUps.creditedAmount()).isEqualTo(credited + 2500);
    }

    /**
     * Someone who reaches the broker's port but lacks the services' broker credentials cannot even store a
     * TopUpSucceeded message: the broker refuses the unsigned send (its ACL), and nothing is credited.
     */
    @Test
    @Order(6)
    void shouldRefuseATopUpMessageFromAClientWithoutTheBrokerCredentials() throws Exception {
        long user = TestStack.db().newUser(100_000);
        long before = api.balance(user);
        String eventId = "outsider-" + UUID.randomUUID();

        Throwable refusal;
        try (Broker outsider = Broker.unsigned(TestStack.stack().options())) {
            refusal = catchThrowable(() -> outsider.send(
                    EventTopics.WALLET_EVENTS,
                    TopUpEvent.SUCCEEDED,
                    List.of(eventId),
                    forgedTopUp(eventId, user, null),
                    user));
        }

        assertThat(refusal).as("the broker's answer to an unsigned send").isNotNull();
        assertThat(brokerResponseCode(refusal)).isEqualTo(ResponseCode.NO_PERMISSION);
        try (Broker insider = Broker.of(TestStack.stack().options())) {
            assertThat(insider.withKey(EventTopics.WALLET_EVENTS, eventId))
                    .as("stored")
                    .isEmpty();
        }
        assertThat(api.balance(user)).isEqualTo(before);
    }

    private static Integer brokerResponseCode(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof MQBrokerException refused) {
                return refused.getResponseCode();
            }
        }
        return null;
    }

    private static String forgedTopUp(String eventId, long user, String signature) {
        long topUpId = Math.abs(eventId.hashCode());
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"TopUpSucceeded\",\"topUpId\":" + topUpId
                + ",\"merchantOrderNo\":\"TU" + topUpId + "\",\"userId\":" + user
                + ",\"amount\":1000000,\"paymentId\":\"pay_forged\",\"occurredAt\":\"" + Instant.now() + "\""
                + (signature == null ? "" : ",\"signature\":\"" + signature + "\"") + "}";
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
    }

    static String notification(String notificationId, String merchantOrderNo, long amount, String status) {
        return "{\"notificationId\":\"" + notificationId + "\",\"merchantOrderNo\":\"" + merchantOrderNo
                + "\",\"paymentId\":\"pay_test\",\"amount\":" + amount + ",\"status\":\"" + status
                + "\",\"finishedAt\":\"" + Instant.now() + "\"}";
    }
}
