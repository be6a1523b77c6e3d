package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backlog as consumer-web's actuator answers it (a loopback server answering what its actuator does). */
class OutboxBacklogProbeTests {

    /** Path and query asked -> the actuator's answer; anything else is 404. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    private HttpServer actuator;
    private URI base;

    @BeforeEach
    void actuator() throws IOException {
        actuator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        actuator.createContext("/", exchange -> {
            String asked = exchange.getRequestURI().toString();
            String body = answers.get(asked);
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            if (body != null) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        actuator.start();
        base = URI.create("http://127.0.0.1:" + actuator.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        actuator.stop(0);
    }

    @Test
    void shouldReadThePendingRowsAndTheAgeOfTheOldest() {
        answers.put(
                "/actuator/metrics/tradeflow.outbox.unsent?tag=status:PENDING",
                "{\"name\":\"tradeflow.outbox.unsent\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":3874.0}]}");
        answers.put(
                "/actuator/metrics/tradeflow.outbox.lag",
                "{\"name\":\"tradeflow.outbox.lag\",\"baseUnit\":\"seconds\","
                        + "\"measurements\":[{\"statistic\":\"VALUE\",\"value\":18.5}]}");

        assertThat(new OutboxBacklogProbe(base).read()).contains(new OutboxBacklogProbe.Backlog(3874, 18.5));
    }

    @Test
    void shouldHaveNoFigureWhenTheServiceHasNoOutboxMetrics() {
        answers.put(
                "/actuator/metrics/tradeflow.outbox.lag",
                "{\"name\":\"tradeflow.outbox.lag\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":0.0}]}");

        assertThat(new OutboxBacklogProbe(base).read()).isEmpty();
    }
}
