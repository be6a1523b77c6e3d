package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.devstack.service.ServiceName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every consumer-web instance is in Nacos (service {@code consumer-web}) at its HTTP address, for gateways and load
 * balancers that discover through it (leaving it on SIGTERM: {@link WebShutdownIT}).
 */
@Order(21)
@ExtendWith(TestStack.class)
class WebRegistrationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListEveryWebInstanceInNacosAtItsHttpPort() throws Exception {
        assertThat(registeredPorts()).contains(port(ServiceName.WEB), port(ServiceName.WEB_TRANSACTIONAL));
        JsonNode host = hosts().get(0);
        assertThat(host.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(host.path("metadata").path("protocol").asText()).isEqualTo("http");
    }

    static int port(ServiceName web) {
        return TestStack.stack().httpPort(web);
    }

    static Set<Integer> registeredPorts() throws IOException, InterruptedException {
        Set<Integer> ports = new HashSet<>();
        hosts().forEach(h -> ports.add(h.path("port").asInt()));
        return ports;
    }

    private static JsonNode hosts() throws IOException, InterruptedException {
        String url = "http://" + TestStack.stack().options().effectiveNacosAddr()
                + "/nacos/v1/ns/instance/list?serviceName=consumer-web";
        HttpResponse<String> reply = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body()).path("hosts");
    }
}
