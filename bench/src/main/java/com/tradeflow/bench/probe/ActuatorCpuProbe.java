package com.tradeflow.bench.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU of remote services from their actuator: Micrometer's {@code process.cpu.time} (the JVM's CPU time) at
 * {@code <base>/actuator/metrics/process.cpu.time}. Only JVMs that expose the metrics endpoint; databases, brokers
 * and coordinators have no figure.
 */
public final class ActuatorCpuProbe implements CpuProbe {

    private static final String METRIC_PATH = "actuator/metrics/process.cpu.time";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int OK = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double MICROS_PER_MILLI = 1e3;
    private static final double MILLIS_PER_SECOND = 1e3;

    private final Map<String, URI> services;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param services name -> base URL of its HTTP port ({@code http://host:8080/}) */
    public ActuatorCpuProbe(Map<String, URI> services) {
        this.services = services;
    }

    @Override
    public String source() {
        return "actuator process.cpu.time of " + String.join(", ", services.keySet());
    }

    /** Whether any service answers the metric: worth using instead of nothing. */
    public boolean anyAnswers() {
        return !read().isEmpty();
    }

    @Override
    public Map<String, CpuTime> read() {
        Map<String, CpuTime> cpu = new LinkedHashMap<>();
        services.forEach((name, base) -> {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(withSlash(base).resolve(METRIC_PATH))
                                .timeout(TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == OK) {
                    cpu.put(name, new CpuTime(base.toString(), millis(response.body())));
                }
            } catch (IOException | IllegalArgumentException unreadable) {
                // no figure for this service
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return cpu;
    }

    /** The metric's value in milliseconds, from its base unit (Micrometer reports nanoseconds). */
    static double millis(String metricJson) throws IOException {
        JsonNode metric = JSON.readTree(metricJson);
        String unit = metric.path("baseUnit").asText("nanoseconds").toLowerCase(Locale.ROOT);
        double value = metric.path("measurements").path(0).path("value").asDouble(Double.NaN);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("no measurement in " + metricJson);
        }
        return switch (unit) {
            case "nanoseconds", "ns" -> value / NANOS_PER_MILLI;
            case "microseconds", "us" -> value / MICROS_PER_MILLI;
            case "milliseconds", "ms" -> value;
            case "seconds", "s" -> value * MILLIS_PER_SECOND;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    private static URI withSlash(URI base) {
        return base.toString().endsWith("/") ? base : URI.create(base + "/");
    }
}
