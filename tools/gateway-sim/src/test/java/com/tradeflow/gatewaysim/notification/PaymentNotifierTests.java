package com.tradeflow.gatewaysim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.gatewaysim.GatewaySim;
import com.tradeflow.gatewaysim.support.GatewayClient;
import com.tradeflow.gatewaysim.support.Hmac;
import com.tradeflow.gatewaysim.support.NotifyReceiver;
import com.tradeflow.gatewaysim.support.NotifyReceiver.Received;
import com.tradeflow.gatewaysim.support.TestGateway;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentNotifierTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private NotifyReceiver receiver;
    private GatewaySim gateway;

    @BeforeEach
    void startReceiver() {
        receiver = NotifyReceiver.start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        receiver.close();
    }

    @Test
    void shouldPostASignedNotificationThatVerifiesWithHmacOverTimestampDotBody() throws Exception {
        GatewayClient merchant = start(TestGateway.RETRY);
        String paymentId = merchant.createPayment("order-1", 5000, receiver.url())
                .json()
                .path("paymentId")
                .asText();

        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        Received notification = receiver.received().get(0);

        assertThat(notification.signature())
                .isEqualTo(Hmac.sha256Hex(TestGateway.SECRET, notification.timestamp(), notification.rawBody()))
                .matches("[0-9a-f]{64}");
        assertThat(Long.parseLong(notification.timestamp()))
                .isBetween(Instant.now().getEpochSecond() - 10, Instant.now().getEpochSecond() + 1);
        JsonNode body = notification.json();
        assertThat(body.path("notificationId").asText()).startsWith("ntf_");
        assertThat(body.path("merchantOrderNo").asText()).isEqualTo("order-1");
        assertThat(body.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(body.path("amount").asLong()).isEqualTo(5000);
        assertThat(body.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(body.path("finishedAt").asText())
                .isEqualTo(merchant.get("/v1/payments/order-1")
                        .json()
                        .path("finishedAt")
                        .asText());
    }

    @Test
    void shouldNotVerifyWithAnotherSecret() throws Exception {
        GatewayClient merchant = start(TestGateway.RETRY);
        merchant.createPayment("order-1", 5000, receiver.url());

        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        Received notification = receiver.received().get(0);

        assertThat(notification.signature())
                .isNotEqualTo(Hmac.sha256Hex("another-secret", notification.timestamp(), notification.rawBody()));
    }

    @Test
    void shouldResendTheSameNotificationUntilAcknowledged() throws Exception {
        receiver.refusingFirst(2); // a 500, then a 200 without SUCCESS
        GatewayClient merchant = start(TestGateway.RETRY);
        merchant.createPayment("order-1", 5000, receiver.url());

        await().atMost(WAIT).until(() -> receiver.received().size() == 3);
        Thread.sleep(3 * TestGateway.RETRY.maxInterval().toMillis()); // room for a wrong fourth attempt
        List<Received> attempts = receiver.received();

        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .extracting(Received::notificationId)
                .containsOnly(attempts.get(0).notificationId());
        assertThat(attempts)
                .allSatisfy(attempt -> assertThat(attempt.signature())
                        .isEqualTo(Hmac.sha256Hex(TestGateway.SECRET, attempt.timestamp(), attempt.rawBody())));
        JsonNode delivery = adminPayments().get(0).path("notification");
        assertThat(delivery.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void shouldWaitLongerBeforeEachResend() throws Exception {
        RetryBackoff retry = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 8);
        receiver.refusingFirst(2);
        GatewayClient merchant = start(retry);
        merchant.createPayment("order-1", 5000, receiver.url());

        await().atMost(WAIT).until(() -> receiver.received().size() == 3);
        List<Received> attempts = receiver.received();

        // lower bounds only: a busy machine can make a re-send later, never earlier
        assertThat(millisBetween(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(90);
        assertThat(millisBetween(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(190);
    }

    @Test
    void shouldGiveUpAfterMaxAttempts() throws Exception {
        receiver.refusingFirst(Integer.MAX_VALUE);
        GatewayClient merchant = start(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(50), 4));
        merchant.createPayment("order-1", 5000, receiver.url());

        await().atMost(WAIT)
                .until(() -> "GAVE_UP"
                        .equals(adminPayments()
                                .get(0)
                                .path("notification")
                                .path("state")
                                .asText()));
        Thread.sleep(300); // room for a wrong fifth attempt

        assertThat(receiver.received()).hasSize(4);
        assertThat(adminPayments().get(0).path("notification").path("attempts").asInt())
                .isEqualTo(4);
        JsonNode stats = admin().get("/admin/stats").json().path("notifications");
        assertThat(stats.path("gaveUp").asLong()).isEqualTo(1);
        assertThat(stats.path("refused").asLong()).isEqualTo(4);
        assertThat(stats.path("acknowledged").asLong()).isZero();
    }

    @Test
    void shouldCountAnUnreachableMerchantAsNotAcknowledged() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = socket.getLocalPort();
        }
        GatewayClient merchant = start(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(50), 3));
        merchant.createPayment("order-1", 5000, "http://127.0.0.1:" + closedPort + "/notify");

        await().atMost(WAIT)
                .until(() -> "GAVE_UP"
                        .equals(adminPayments()
                                .get(0)
                                .path("notification")
                                .path("state")
                                .asText()));

        assertThat(adminPayments().get(0).path("notification").path("attempts").asInt())
                .isEqualTo(3);
    }

    private GatewayClient start(RetryBackoff retry) {
        gateway = GatewaySim.start(TestGateway.options().withNotifyRetry(retry));
        return new GatewayClient(gateway.baseUrl(), TestGateway.API_KEY);
    }

    private GatewayClient admin() {
        return new GatewayClient(gateway.baseUrl(), TestGateway.ADMIN_TOKEN);
    }

    private JsonNode adminPayments() throws Exception {
        return admin().get("/admin/payments").json().path("payments");
    }

    private static long millisBetween(Received earlier, Received later) {
        return (later.receivedAtNanos() - earlier.receivedAtNanos()) / 1_000_000;
    }
}
