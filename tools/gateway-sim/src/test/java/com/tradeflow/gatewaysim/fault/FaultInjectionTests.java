package com.tradeflow.gatewaysim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.gatewaysim.support.GatewayClient.Response;
import com.tradeflow.gatewaysim.support.Hmac;
import com.tradeflow.gatewaysim.support.NotifyReceiver.Received;
import com.tradeflow.gatewaysim.support.RunningGateway;
import com.tradeflow.gatewaysim.support.TestGateway;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault, set through the admin API, seen from the merchant's side over real HTTP. */
class FaultInjectionTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private RunningGateway sim;

    @BeforeEach
    void start() {
        sim = RunningGateway.start(TestGateway.options());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void shouldAnswer500AndCreateNothingWhenErrorRateIsOne() throws Exception {
        setFaults("{\"errorRate\":1.0}");

        Response failed =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("GATEWAY_ERROR");
        assertThat(sim.admin().get("/admin/payments").json().path("payments")).isEmpty();
        assertThat(sim.admin()
                        .get("/admin/stats")
                        .json()
                        .path("merchantApi")
                        .path("errorsInjected")
                        .asLong())
                .isEqualTo(1);
        setFaults("{\"errorRate\":0}");
        assertThat(sim.merchant()
                        .createPayment("order-1", 5000, sim.receiver().url())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void shouldCreateThePaymentButAnswerTooLateWhenTimeoutRateIsOne() throws Exception {
        setFaults("{\"timeoutRate\":1.0,\"timeoutDelayMillis\":3000}");

        assertThatThrownBy(() -> sim.merchant()
                        .post(
                                "/v1/payments",
                                TestGateway.payment(
                                        "order-1", 5000, sim.receiver().url()),
                                Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);

        await().atMost(WAIT)
                .until(() -> sim.admin()
                                .get("/admin/payments")
                                .json()
                                .path("payments")
                                .size()
                        == 1);
        JsonNode stored = sim.admin().get("/admin/payments").json().path("payments");
        String paymentId = stored.get(0).path("paymentId").asText();
        setFaults("{\"timeoutRate\":0}");
        Response retried =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(sim.admin()
                        .get("/admin/stats")
                        .json()
                        .path("merchantApi")
                        .path("timeoutsInjected")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldAddLatencyToEveryMerchantAnswer() throws Exception {
        setFaults("{\"latencyMillis\":300}");

        long started = System.nanoTime();
        Response created =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());
        long createMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Response unauthorized = sim.merchant().withToken("wrong").get("/v1/payments/order-1");
        long unauthorizedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(created.status()).isEqualTo(201);
        assertThat(createMillis).isGreaterThanOrEqualTo(290);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorizedMillis).isGreaterThanOrEqualTo(290);
    }

    @Test
    void shouldNeverNotifyALostPaymentWhileTheQueryShowsItsFinalStatus() throws Exception {
        setFaults("{\"lostNotificationRate\":1.0}");

        sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        await().atMost(WAIT)
                .until(() -> "SUCCEEDED"
                        .equals(sim.merchant()
                                .get("/v1/payments/order-1")
                                .json()
                                .path("status")
                                .asText()));
        Thread.sleep(300); // room for a notification that must not come
        assertThat(sim.receiver().received()).isEmpty();
        assertThat(sim.admin()
                        .get("/admin/payments")
                        .json()
                        .path("payments")
                        .get(0)
                        .path("notification")
                        .path("state")
                        .asText())
                .isEqualTo("LOST");
        JsonNode stats = sim.admin().get("/admin/stats").json().path("notifications");
        assertThat(stats.path("lost").asLong()).isEqualTo(1);
        assertThat(stats.path("sent").asLong()).isZero();
    }

    @Test
    void shouldSendTheSameNotificationTwiceWhenDuplicated() throws Exception {
        setFaults("{\"duplicateNotificationRate\":1.0}");

        sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        await().atMost(WAIT).until(() -> sim.receiver().received().size() == 2);
        Thread.sleep(200);
        List<Received> received = sim.receiver().received();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).notificationId()).isEqualTo(received.get(1).notificationId());
        assertThat(received).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("SUCCEEDED");
            assertThat(n.signature()).isEqualTo(Hmac.sha256Hex(TestGateway.SECRET, n.timestamp(), n.rawBody()));
        });
        assertThat(sim.admin()
                        .get("/admin/stats")
                        .json()
                        .path("notifications")
                        .path("duplicated")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldSendAStalePendingNotificationAfterTheFinalOne() throws Exception {
        setFaults("{\"outOfOrderRate\":1.0}");

        sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        await().atMost(WAIT).until(() -> sim.receiver().received().size() == 2);
        Received finalOne = sim.receiver().received().get(0);
        Received stale = sim.receiver().received().get(1);
        assertThat(finalOne.status()).isEqualTo("SUCCEEDED");
        assertThat(stale.status()).isEqualTo("PENDING");
        assertThat(stale.json().path("finishedAt").isNull()).isTrue();
        assertThat(stale.notificationId()).isNotEqualTo(finalOne.notificationId());
        assertThat(stale.json().path("paymentId").asText())
                .isEqualTo(finalOne.json().path("paymentId").asText());
        assertThat(Long.parseLong(stale.timestamp())).isLessThanOrEqualTo(Long.parseLong(finalOne.timestamp()));
        assertThat(stale.signature()).isEqualTo(Hmac.sha256Hex(TestGateway.SECRET, stale.timestamp(), stale.rawBody()));
        assertThat(sim.admin()
                        .get("/admin/stats")
                        .json()
                        .path("notifications")
                        .path("outOfOrder")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldEndEveryPaymentFailedWhenFailedRateIsOne() throws Exception {
        setFaults("{\"failedRate\":1.0}");

        sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        await().atMost(WAIT)
                .until(() -> "FAILED"
                        .equals(sim.merchant()
                                .get("/v1/payments/order-1")
                                .json()
                                .path("status")
                                .asText()));
        Response failed = sim.merchant().get("/v1/payments/order-1");
        assertThat(failed.json().path("paidAt").isNull()).isTrue();
        assertThat(failed.json().path("finishedAt").isTextual()).isTrue();
        await().atMost(WAIT).until(() -> sim.receiver().received().size() == 1);
        assertThat(sim.receiver().received().get(0).status()).isEqualTo("FAILED");
        assertThat(sim.admin()
                        .get("/admin/stats")
                        .json()
                        .path("payments")
                        .path("failed")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldDrawTheSameDecisionsAgainWithTheSameSeed() throws Exception {
        List<Integer> first = statusesWithSeed(42, "a");
        List<Integer> second = statusesWithSeed(42, "b");

        assertThat(first).contains(201, 500); // a coin flip per request, not all one way
        assertThat(second).isEqualTo(first);
    }

    private List<Integer> statusesWithSeed(long seed, String prefix) throws Exception {
        setFaults("{\"errorRate\":0.5,\"seed\":" + seed + "}");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(sim.merchant()
                    .createPayment(prefix + i, 100, sim.receiver().url())
                    .status());
        }
        return statuses;
    }

    private void setFaults(String json) throws HttpTimeoutException {
        assertThat(sim.admin().put("/admin/faults", json).status()).isEqualTo(200);
    }
}
