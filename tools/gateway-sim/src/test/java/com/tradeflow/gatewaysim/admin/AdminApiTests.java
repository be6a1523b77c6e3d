package com.tradeflow.gatewaysim.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.gatewaysim.fault.Faults;
import com.tradeflow.gatewaysim.support.GatewayClient.Response;
import com.tradeflow.gatewaysim.support.RunningGateway;
import com.tradeflow.gatewaysim.support.TestGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminApiTests {

    private RunningGateway sim;

    @BeforeEach
    void start() {
        sim = RunningGateway.start(TestGateway.options()
                .withFaults(new Faults(0, 0, Faults.DEFAULT_TIMEOUT_DELAY_MILLIS, 0, 0, 0, 0, 0.5, 99L)));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void shouldShowTheFaultsSetAtStart() throws Exception {
        Response faults = sim.admin().get("/admin/faults");

        assertThat(faults.status()).isEqualTo(200);
        assertThat(faults.json().path("failedRate").asDouble()).isEqualTo(0.5);
        assertThat(faults.json().path("seed").asLong()).isEqualTo(99);
        assertThat(faults.json().path("errorRate").asDouble()).isZero();
        assertThat(faults.json().path("timeoutDelayMillis").asLong()).isEqualTo(10_000);
        assertThat(faults.json().fieldNames())
                .toIterable()
                .containsExactly(
                        "errorRate",
                        "timeoutRate",
                        "timeoutDelayMillis",
                        "latencyMillis",
                        "lostNotificationRate",
                        "duplicateNotificationRate",
                        "outOfOrderRate",
                        "failedRate",
                        "seed");
    }

    @Test
    void shouldChangeOnlyTheNamedFaults() throws Exception {
        Response changed = sim.admin().put("/admin/faults", "{\"errorRate\":0.25,\"latencyMillis\":5}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("errorRate").asDouble()).isEqualTo(0.25);
        JsonNode now = sim.admin().get("/admin/faults").json();
        assertThat(now.path("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(now.path("latencyMillis").asLong()).isEqualTo(5);
        assertThat(now.path("failedRate").asDouble()).isEqualTo(0.5);
        assertThat(now.path("seed").asLong()).isEqualTo(99);
    }

    @Test
    void shouldListPaymentsWithStatusAndFilterByStatus() throws Exception {
        sim.admin().put("/admin/faults", "{\"failedRate\":0}");
        sim.merchant().createPayment("order-1", 100, sim.receiver().url());
        sim.merchant().createPayment("order-2", 200, sim.receiver().url());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim.admin()
                                .get("/admin/payments?status=SUCCEEDED")
                                .json()
                                .path("payments")
                                .size()
                        == 2);

        JsonNode payments = sim.admin().get("/admin/payments").json().path("payments");
        assertThat(payments).hasSize(2);
        assertThat(payments.get(0).path("merchantOrderNo").asText()).isEqualTo("order-1");
        assertThat(payments.get(0).path("notifyUrl").asText())
                .isEqualTo(sim.receiver().url());
        assertThat(sim.admin().get("/admin/payments?status=PENDING").json().path("payments"))
                .isEmpty();
        Response bad = sim.admin().get("/admin/payments?status=DONE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_STATUS");
    }

    @Test
    void shouldCountPaymentsAndNotifications() throws Exception {
        sim.admin().put("/admin/faults", "{\"failedRate\":0}");
        sim.merchant().createPayment("order-1", 100, sim.receiver().url());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim.admin()
                                .get("/admin/stats")
                                .json()
                                .path("notifications")
                                .path("acknowledged")
                                .asLong()
                        == 1);

        JsonNode stats = sim.admin().get("/admin/stats").json();
        assertThat(stats.path("payments").path("total").asLong()).isEqualTo(1);
        assertThat(stats.path("payments").path("succeeded").asLong()).isEqualTo(1);
        assertThat(stats.path("payments").path("pending").asLong()).isZero();
        assertThat(stats.path("notifications").path("sent").asLong()).isEqualTo(1);
        assertThat(stats.path("notifications").path("lost").asLong()).isZero();
        assertThat(stats.path("notifications").path("duplicated").asLong()).isZero();
    }

    @Test
    void shouldAnswerHealthWithoutAuthentication() throws Exception {
        Response health = sim.admin().withToken(null).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Nested
    class Authentication {

        @ParameterizedTest
        @ValueSource(strings = {"/admin/faults", "/admin/payments", "/admin/stats"})
        void shouldAnswer401WithoutTheAdminToken(String path) throws Exception {
            assertThat(sim.admin().withToken(null).get(path).status()).isEqualTo(401);
            assertThat(sim.admin().withToken(TestGateway.API_KEY).get(path).status())
                    .isEqualTo(401);
            assertThat(sim.admin()
                            .withToken(TestGateway.ADMIN_TOKEN + "x")
                            .get(path)
                            .code())
                    .isEqualTo("UNAUTHORIZED");
        }

        @Test
        void shouldNotChangeFaultsWithoutTheAdminToken() throws Exception {
            Response refused = sim.admin().withToken(TestGateway.API_KEY).put("/admin/faults", "{\"errorRate\":1}");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(sim.admin().get("/admin/faults").json().path("errorRate").asDouble())
                    .isZero();
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"errorRate\":1.5}",
                    "{\"timeoutRate\":-0.1}",
                    "{\"lostNotificationRate\":\"0.5\"}",
                    "{\"duplicateNotificationRate\":null}",
                    "{\"outOfOrderRate\":true}",
                    "{\"failedRate\":2}",
                    "{\"timeoutDelayMillis\":-1}",
                    "{\"timeoutDelayMillis\":600001}",
                    "{\"latencyMillis\":1.5}",
                    "{\"seed\":\"abc\"}",
                    "{\"errorrate\":0.1}",
                    "{\"errorRate\":0.1,\"failedRate\":7}"
                })
        void shouldRefuseAnInvalidChangeAndKeepTheFaults(String body) throws Exception {
            Response refused = sim.admin().put("/admin/faults", body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_FAULTS");
            assertThat(refused.json().path("message").asText()).isNotEmpty();
            JsonNode now = sim.admin().get("/admin/faults").json();
            assertThat(now.path("errorRate").asDouble()).isZero();
            assertThat(now.path("failedRate").asDouble()).isEqualTo(0.5);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "[]", "0.5"})
        void shouldRefuseABodyThatIsNotAnObject(String body) throws Exception {
            Response refused = sim.admin().put("/admin/faults", body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_JSON");
        }
    }
}
