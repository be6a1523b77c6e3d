package com.tradeflow.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class TracingAutoConfigurationTests {

    private final ObservationPredicate observed = new TracingAutoConfiguration().actuatorRequestsNotObserved();

    private static ServerRequestObservationContext request(String uri) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn(uri);
        return new ServerRequestObservationContext(request, mock(HttpServletResponse.class));
    }

    @Test
    void shouldLeaveTheActuatorsRequestsOutAndObserveTheApis() {
        assertThat(observed.test("http.server.requests", request("/actuator/health"))).isFalse();
        assertThat(observed.test("http.server.requests", request("/actuator/prometheus"))).isFalse();
        assertThat(observed.test("http.server.requests", request("/api/orders"))).isTrue();
        assertThat(observed.test("dubbo.client", new Observation.Context())).as("anything else").isTrue();
    }
}
