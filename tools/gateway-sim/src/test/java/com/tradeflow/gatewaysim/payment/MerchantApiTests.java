package com.tradeflow.gatewaysim.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.gatewaysim.GatewaySim;
import com.tradeflow.gatewaysim.support.GatewayClient;
import com.tradeflow.gatewaysim.support.GatewayClient.Response;
import com.tradeflow.gatewaysim.support.RunningGateway;
import com.tradeflow.gatewaysim.support.TestGateway;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MerchantApiTests {

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
    void shouldCreateAPendingPaymentAndAnswer201() throws Exception {
        Response created =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("paymentId").asText()).startsWith("pay_");
        assertThat(created.json().path("merchantOrderNo").asText()).isEqualTo("order-1");
        assertThat(created.json().path("amount").asLong()).isEqualTo(5000);
        assertThat(created.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(created.json().path("createdAt").asText()).isNotEmpty();
        assertThat(created.raw().headers().firstValue("Location")).contains("/v1/payments/order-1");
    }

    @Test
    void shouldReturnTheExistingPaymentWhenTheSameOrderIsCreatedAgain() throws Exception {
        Response first =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());
        Response again =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("paymentId").asText())
                .isEqualTo(first.json().path("paymentId").asText());
        assertThat(sim.admin().get("/admin/payments").json().path("payments")).hasSize(1);
        // charged once: one settlement, so one notification
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim.receiver().received().size() == 1);
        Thread.sleep(200);
        assertThat(sim.receiver().received()).hasSize(1);
    }

    @Test
    void shouldCreateOnePaymentWhenTheSameOrderIsCreatedConcurrently() throws Exception {
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return sim.merchant()
                            .createPayment("order-race", 5000, sim.receiver().url());
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(10, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(Response::status).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses)
                    .extracting(r -> r.json().path("paymentId").asText())
                    .containsOnly(responses.get(0).json().path("paymentId").asText());
            assertThat(sim.admin().get("/admin/payments").json().path("payments"))
                    .hasSize(1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sim.receiver().received().size() == 1);
            Thread.sleep(200);
            assertThat(sim.admin()
                            .get("/admin/stats")
                            .json()
                            .path("notifications")
                            .path("sent")
                            .asLong())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldAnswer409WhenTheOrderNoIsReusedWithADifferentAmount() throws Exception {
        Response first =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        Response conflict =
                sim.merchant().createPayment("order-1", 5001, sim.receiver().url());

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("MERCHANT_ORDER_CONFLICT");
        assertThat(conflict.json().path("message").asText()).isNotEmpty();
        Response stored = sim.merchant().get("/v1/payments/order-1");
        assertThat(stored.json().path("amount").asLong()).isEqualTo(5000);
        assertThat(stored.json().path("paymentId").asText())
                .isEqualTo(first.json().path("paymentId").asText());
    }

    @Test
    void shouldAnswer409WhenTheOrderNoIsReusedWithADifferentNotifyUrl() throws Exception {
        sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        Response conflict =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url() + "/other");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("MERCHANT_ORDER_CONFLICT");
    }

    @Test
    void shouldAnswerThePaymentWithItsCurrentStatus() throws Exception {
        Response created =
                sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        Response queried = sim.merchant().get("/v1/payments/order-1");

        assertThat(queried.status()).isEqualTo(200);
        assertThat(queried.json().path("paymentId").asText())
                .isEqualTo(created.json().path("paymentId").asText());
        assertThat(queried.json().path("amount").asLong()).isEqualTo(5000);
        assertThat(queried.json().path("status").asText()).isIn("PENDING", "SUCCEEDED");
    }

    @Test
    void shouldAnswer404ForAnUnknownOrderNo() throws Exception {
        Response missing = sim.merchant().get("/v1/payments/never-created");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void shouldSettleToSucceededAfterTheSettleDelay() throws Exception {
        sim.merchant().createPayment("order-1", 5000, sim.receiver().url());

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> sim.merchant()
                        .get("/v1/payments/order-1")
                        .json()
                        .path("status")
                        .asText()
                        .equals("SUCCEEDED"));
        Response settled = sim.merchant().get("/v1/payments/order-1");
        assertThat(settled.json().path("paidAt").isTextual()).isTrue();
        assertThat(settled.json().path("finishedAt").isTextual()).isTrue();
    }

    @Test
    void shouldStayPendingUntilTheSettleDelayHasPassed() throws Exception {
        try (GatewaySim slow = GatewaySim.start(TestGateway.options().withSettleDelay(Duration.ofSeconds(30)))) {
            GatewayClient client = new GatewayClient(slow.baseUrl(), TestGateway.API_KEY);
            client.createPayment("order-1", 5000, sim.receiver().url());
            Thread.sleep(200);

            Response pending = client.get("/v1/payments/order-1");
            assertThat(pending.json().path("status").asText()).isEqualTo("PENDING");
            assertThat(pending.json().path("paidAt").isNull()).isTrue();
            assertThat(pending.json().path("finishedAt").isNull()).isTrue();
        }
    }

    @Nested
    class Authentication {

        @Test
        void shouldAnswer401WithoutAnAuthorizationHeader() throws Exception {
            assertUnauthorized(sim.merchant()
                    .withToken(null)
                    .createPayment("order-1", 5000, sim.receiver().url()));
            assertUnauthorized(sim.merchant().withToken(null).get("/v1/payments/order-1"));
        }

        @Test
        void shouldAnswer401ForAWrongApiKey() throws Exception {
            assertUnauthorized(sim.merchant()
                    .withToken("wrong")
                    .createPayment("order-1", 5000, sim.receiver().url()));
            assertUnauthorized(sim.merchant().withToken(TestGateway.ADMIN_TOKEN).get("/v1/payments/order-1"));
        }

        @Test
        void shouldCreateNothingForAnUnauthenticatedCaller() throws Exception {
            sim.merchant()
                    .withToken("wrong")
                    .createPayment("order-1", 5000, sim.receiver().url());

            assertThat(sim.admin().get("/admin/payments").json().path("payments"))
                    .isEmpty();
        }

        private void assertUnauthorized(Response response) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("UNAUTHORIZED");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Nested
    class Validation {

        static Stream<Arguments> badBodies() {
            String url = "http://127.0.0.1:9/notify";
            return Stream.of(
                    Arguments.of("not json", "INVALID_JSON"),
                    Arguments.of("", "INVALID_JSON"),
                    Arguments.of("[1,2]", "INVALID_JSON"),
                    Arguments.of("{\"amount\":5000,\"notifyUrl\":\"" + url + "\"}", "INVALID_MERCHANT_ORDER_NO"),
                    Arguments.of(TestGateway.payment("", 5000, url), "INVALID_MERCHANT_ORDER_NO"),
                    Arguments.of(TestGateway.payment("a".repeat(65), 5000, url), "INVALID_MERCHANT_ORDER_NO"),
                    Arguments.of(TestGateway.payment("order 1", 5000, url), "INVALID_MERCHANT_ORDER_NO"),
                    Arguments.of(TestGateway.payment("order/1", 5000, url), "INVALID_MERCHANT_ORDER_NO"),
                    Arguments.of(
                            "{\"merchantOrderNo\":1,\"amount\":5000,\"notifyUrl\":\"" + url + "\"}",
                            "INVALID_MERCHANT_ORDER_NO"),
                    Arguments.of("{\"merchantOrderNo\":\"o1\",\"notifyUrl\":\"" + url + "\"}", "INVALID_AMOUNT"),
                    Arguments.of(TestGateway.payment("o1", 0, url), "INVALID_AMOUNT"),
                    Arguments.of(TestGateway.payment("o1", -5, url), "INVALID_AMOUNT"),
                    Arguments.of(
                            "{\"merchantOrderNo\":\"o1\",\"amount\":50.5,\"notifyUrl\":\"" + url + "\"}",
                            "INVALID_AMOUNT"),
                    Arguments.of(
                            "{\"merchantOrderNo\":\"o1\",\"amount\":\"5000\",\"notifyUrl\":\"" + url + "\"}",
                            "INVALID_AMOUNT"),
                    Arguments.of("{\"merchantOrderNo\":\"o1\",\"amount\":5000}", "INVALID_NOTIFY_URL"),
                    Arguments.of(TestGateway.payment("o1", 5000, "ftp://127.0.0.1/notify"), "INVALID_NOTIFY_URL"),
                    Arguments.of(TestGateway.payment("o1", 5000, "/notify"), "INVALID_NOTIFY_URL"),
                    Arguments.of(TestGateway.payment("o1", 5000, "http://"), "INVALID_NOTIFY_URL"));
        }

        @ParameterizedTest
        @MethodSource("badBodies")
        void shouldAnswer400WithACodeAndCreateNothing(String body, String code) throws HttpTimeoutException {
            Response refused = sim.merchant().post("/v1/payments", body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.json().path("message").asText()).isNotEmpty();
            assertThat(sim.admin().get("/admin/payments").json().path("payments"))
                    .isEmpty();
        }

        @Test
        void shouldAcceptTheLongestOrderNoAndHttpsUrls() throws Exception {
            Response created =
                    sim.merchant().createPayment("A-z_0".repeat(12) + "abcd", 1, "https://shop.example/notify");

            assertThat(created.status()).isEqualTo(201);
        }

        @Test
        void shouldAnswer400WhenQueryingAnOrderNoThatCannotExist() throws Exception {
            Response refused = sim.merchant().get("/v1/payments/" + "x".repeat(65));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_MERCHANT_ORDER_NO");
        }

        @Test
        void shouldAnswer405ForAnotherMethodAnd404ForAnotherPath() throws Exception {
            Response wrongMethod = sim.merchant().put("/v1/payments", "{}");
            Response wrongPath = sim.merchant().get("/v1/refunds");

            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(wrongPath.status()).isEqualTo(404);
            assertThat(wrongPath.code()).isEqualTo("NOT_FOUND");
        }
    }
}
