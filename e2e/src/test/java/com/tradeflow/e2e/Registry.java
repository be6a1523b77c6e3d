package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The stack's Nacos naming service, read as a gateway or an operator reads it (HTTP API v1). */
final class Registry {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Registry() {}

    /** The instances of a service in group DEFAULT_GROUP or {@code group}; with {@code healthyOnly}, live ones. */
    static JsonNode hosts(String service, String group, boolean healthyOnly) throws IOException, InterruptedException {
        String url = "http://" + TestStack.stack().options().effectiveNacosAddr()
                + "/nacos/v1/ns/instance/list?serviceName=" + service + "&groupName=" + group + "&healthyOnly="
                + healthyOnly;
        HttpResponse<String> reply = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body()).path("hosts");
    }

    static Set<Integer> ports(String service, String group, boolean healthyOnly)
            throws IOException, InterruptedException {
        Set<Integer> ports = new HashSet<>();
        hosts(service, group, healthyOnly).forEach(h -> ports.add(h.path("port").asInt()));
        return ports;
    }
}
