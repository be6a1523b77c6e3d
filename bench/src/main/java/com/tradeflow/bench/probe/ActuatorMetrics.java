package com.tradeflow.bench.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads one of a service's Micrometer metrics from its actuator ({@code <base>/actuator/metrics/<name>}). */
final class ActuatorMetrics {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int OK = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param metric the metric's name, and a query if any ({@code tradeflow.outbox.unsent?tag=status:PENDING})
     * @return its JSON document; empty when the service does not answer it
     */
    Optional<String> read(URI base, String metric) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(withSlash(base).resolve("actuator/metrics/" + metric))
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == OK ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The first measurement of a metric document, and its base unit ({@code ""} when it has none). */
    static Measurement measurement(String metricJson) throws IOException {
        JsonNode metric = JSON.readTree(metricJson);
        double value = metric.path("measurements").path(0).path("value").asDouble(Double.NaN);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("no measurement in " + metricJson);
        }
        return new Measurement(value, metric.path("baseUnit").asText(""));
    }

    record Measurement(double value, String baseUnit) {}

    private static URI withSlash(URI base) {
        return base.toString().endsWith("/") ? base : URI.create(base + "/");
    }
}
