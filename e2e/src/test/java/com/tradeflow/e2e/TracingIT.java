package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace follows a purchase from the web API through the Dubbo calls to both providers, and through the broker
 * to every subscriber of its event: the request carries a W3C {@code traceparent} of the test's own, the answer
 * names that trace ({@code X-Trace-Id}), and the stack's Zipkin server (a real one, from Maven Central) answers that
 * trace with the spans of all three services: each provider's server span the child of consumer-web's client span,
 * the relay's send the child of the request, each subscriber's delivery the child of the send, and the inbox's
 * later application the child of its delivery. The order names the same trace (admin API).
 */
@Order(24)
@ExtendWith(TestStack.class)
class TracingIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each test's buyer and product are its own: a purchase that must be placed, whatever ran before. */
    private static final long BALANCE = 10_000;

    private static final long PRICE = 1_000;
    private static final long UNITS = 10;

    @Test
    void shouldFollowAPurchaseThroughBothProvidersInOneTrace() throws Exception {
        String traceId = hex(16);
        HttpResponse<String> placed = purchase(
                traceId, TestStack.db().newUser(BALANCE), TestStack.db().newProduct(PRICE, UNITS));
        assertThat(placed.headers().firstValue("X-Trace-Id"))
                .as("the answer names its trace")
                .hasValue(traceId);

        JsonNode spans = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                // each service exports its spans in its own batches: wait for the caller's side of the debit too
                .until(
                        () -> trace(traceId),
                        found -> services(found)
                                        .containsAll(Set.of("consumer-web", "provider-inventory", "provider-account"))
                                && StreamSupport.stream(found.spliterator(), false)
                                        .anyMatch(s -> service(s).equals("consumer-web")
                                                && s.path("name").asText().contains("debit")));
        List<JsonNode> all = StreamSupport.stream(spans.spliterator(), false).toList();
        JsonNode debit = all.stream()
                .filter(s -> service(s).equals("provider-account")
                        && "SERVER".equals(s.path("kind").asText())
                        && s.path("name").asText().contains("debit"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span of debit in " + spans));
        JsonNode caller = all.stream()
                .filter(s -> s.path("id").asText().equals(debit.path("parentId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the debit's parent is not in the trace: " + spans));
        assertThat(service(caller)).isEqualTo("consumer-web");
        assertThat(caller.path("kind").asText()).isEqualTo("CLIENT");

        String orderId = JSON.readTree(placed.body()).path("orderId").asText();
        Api.Reply order = TestStack.api().adminGet("/api/admin/orders/" + orderId);
        assertThat(order.status()).as("%s", order.body()).isEqualTo(200);
        assertThat(order.body().path("traceId").asText())
                .as("the order names its trace")
                .isEqualTo(traceId);
        assertThat(order.body().path("events").get(0).path("type").asText()).isEqualTo("OrderPlaced");
    }

    @Test
    void shouldFollowAnOrderEventThroughTheBrokerToEverySubscriberInTheSameTrace() throws Exception {
        String traceId = hex(16);
        purchase(traceId, TestStack.db().newUser(BALANCE), TestStack.db().newProduct(PRICE, UNITS));

        Set<String> groups = Set.of("account-points", "inventory-sales", "inventory-sales-report");
        JsonNode spans = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                // each service exports its spans in its own batches: all of them, the send's included
                .until(
                        () -> trace(traceId),
                        found -> received(found).keySet().containsAll(groups)
                                && named(found, "apply inventory-sales-report").isPresent()
                                && named(found, "send tradeflow-order-events").isPresent());
        JsonNode send = named(spans, "send tradeflow-order-events")
                .orElseThrow(() -> new AssertionError("no send of the event in " + spans));
        assertThat(service(send)).isEqualTo("consumer-web");
        assertThat(send.path("kind").asText()).isEqualTo("PRODUCER");
        Map<String, JsonNode> received = received(spans);
        received.forEach((group, delivery) -> {
            assertThat(delivery.path("parentId").asText())
                    .as("%s's delivery continues the send", group)
                    .isEqualTo(send.path("id").asText());
            assertThat(delivery.path("kind").asText()).isEqualTo("CONSUMER");
        });
        assertThat(service(received.get("account-points"))).isEqualTo("provider-account");
        assertThat(service(received.get("inventory-sales"))).isEqualTo("provider-inventory");
        JsonNode applied = named(spans, "apply inventory-sales-report").orElseThrow();
        assertThat(applied.path("parentId").asText())
                .as("the inbox's application continues its delivery")
                .isEqualTo(received.get("inventory-sales-report").path("id").asText());
    }

    /** An AT purchase of one unit sent in the test's own trace (a sampled {@code traceparent}), placed. */
    private static HttpResponse<String> purchase(String traceId, long user, long sku) throws Exception {
        HttpResponse<String> placed = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.stack().webUrl() + "/api/orders"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + TestStack.api().tokenOf(user))
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.order(user, sku, 1, "AT")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return placed;
    }

    /** The subscribers' deliveries of the trace, by consumer group. */
    private static Map<String, JsonNode> received(JsonNode spans) {
        return StreamSupport.stream(spans.spliterator(), false)
                .filter(span -> span.path("name").asText().equals("receive tradeflow-order-events"))
                .collect(Collectors.toMap(
                        span -> span.path("tags")
                                .path("messaging.consumer.group.name")
                                .asText(),
                        span -> span,
                        (first, redelivery) -> first));
    }

    private static Optional<JsonNode> named(JsonNode spans, String name) {
        return StreamSupport.stream(spans.spliterator(), false)
                .filter(span -> span.path("name").asText().equals(name))
                .findFirst();
    }

    private static JsonNode trace(String traceId) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(TestStack.stack().options().tracing().effectiveZipkinUrl() + "/api/v2/trace/"
                                        + traceId))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }

    private static Set<String> services(JsonNode spans) {
        return StreamSupport.stream(spans.spliterator(), false)
                .map(TracingIT::service)
                .collect(Collectors.toSet());
    }

    private static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asText();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
