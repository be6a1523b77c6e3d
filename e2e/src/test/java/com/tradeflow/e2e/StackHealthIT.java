package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.devstack.service.ServiceName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every service reports itself healthy, with its databases reachable and Redis where it uses it (provider-account
 * does not); the brokers and the gateway run.
 */
@Order(0)
@ExtendWith(TestStack.class)
class StackHealthIT {

    @ParameterizedTest
    @EnumSource(ServiceName.class)
    void shouldReportUpWithDatabaseAndTheRedisItUses(ServiceName service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + TestStack.stack().managementPort(service) + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        if (service == ServiceName.ACCOUNT) {
            assertThat(health.path("components").has("redis"))
                    .as("provider-account has no Redis client")
                    .isFalse();
        } else {
            assertThat(health.path("components").path("redis").path("status").asText())
                    .isEqualTo("UP");
        }
    }

    /** The web API's port serves the API only: health, metrics and the rest are on the management port. */
    @Test
    void shouldKeepTheActuatorOffThePublicPort() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/metrics"}) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(TestStack.stack().webUrl() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    /** The name server answers, and routes the order events to the stack's broker, with their four queues. */
    @Test
    void shouldRunTheRocketMqNameServerAndBroker() throws Exception {
        String namesrv = TestStack.stack().options().effectiveRocketmqNamesrv();
        assertThat(TestStack.stack().summary()).contains("RocketMQ           name server " + namesrv);
        try (Broker broker = Broker.of(TestStack.stack().options())) {
            TopicRouteData route = broker.route(EventTopics.ORDER_EVENTS);
            assertThat(route.getBrokerDatas())
                    .singleElement()
                    .satisfies(data -> assertThat(data.getBrokerAddrs())
                            .containsValue(
                                    "127.0.0.1:" + TestStack.stack().options().rocketmqBrokerPort()));
            assertThat(route.getQueueDatas())
                    .singleElement()
                    .satisfies(queues -> assertThat(queues.getWriteQueueNums()).isEqualTo(4));
        }
    }

    /** gateway-sim runs in the stack and takes the stack's credentials (the ones the services are given). */
    @Test
    void shouldRunThePaymentGatewayWithTheStacksCredentials() throws Exception {
        String gateway = TestStack.stack().options().effectiveGatewayUrl();
        assertThat(TestStack.stack().summary()).contains("payment gateway    " + gateway);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create(gateway + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = client.send(
                HttpRequest.newBuilder(URI.create(gateway + "/v1/payments/no-such-order"))
                        .header(
                                "Authorization",
                                "Bearer " + TestStack.stack().options().gatewayApiKey())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode())
                .as("authenticated with the stack's API key")
                .isEqualTo(404);
        HttpResponse<String> faults = client.send(
                HttpRequest.newBuilder(URI.create(gateway + "/admin/faults"))
                        .header(
                                "Authorization",
                                "Bearer " + TestStack.stack().options().adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(faults.statusCode())
                .as("admin API with the stack's admin token")
                .isEqualTo(200);
        assertThat(new ObjectMapper().readTree(faults.body()).path("errorRate").asDouble())
                .isZero();
    }
}
