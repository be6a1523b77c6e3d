package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.service.ServiceName;
import java.io.IOException;
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
        return Registry.ports("consumer-web", "DEFAULT_GROUP", false);
    }

    private static JsonNode hosts() throws IOException, InterruptedException {
        return Registry.hosts("consumer-web", "DEFAULT_GROUP", false);
    }
}
