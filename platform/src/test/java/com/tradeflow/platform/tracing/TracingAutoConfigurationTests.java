package com.tradeflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;

class TracingAutoConfigurationTests {

    private final ObservationPredicate observed = new TracingAutoConfiguration().actuatorRequestsNotObserved();

    private static ServerRequestObservationContext request(String uri) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn(uri);
        return new ServerRequestObservationContext(request, mock(HttpServletResponse.class));
    }

    @Test
    void shouldLeaveTheActuatorsRequestsOutAndObserveTheApis() {
        assertThat(observed.test("http.server.requests", request("/actuator/health")))
                .isFalse();
        assertThat(observed.test("http.server.requests", request("/actuator/prometheus")))
                .isFalse();
        assertThat(observed.test("http.server.requests", request("/api/orders")))
                .isTrue();
        assertThat(observed.test("dubbo.client", new Observation.Context()))
                .as("anything else")
                .isTrue();
    }

    @Test
    void shouldAnswerARequestWithItsTraceIdAndNothingWithoutOne() throws Exception {
        Tracer tracer = mock(Tracer.class);
        Span span = mock(Span.class);
        TraceContext context = mock(TraceContext.class);
        when(tracer.currentSpan()).thenReturn(span);
        when(span.context()).thenReturn(context);
        when(context.traceId()).thenReturn("4bf92f3577b34da6a3ce929d0e0e4736");
        HttpServletResponse traced = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);
        HttpServletRequest request = mock(HttpServletRequest.class);
        new TraceIdHeader(tracer).doFilterInternal(request, traced, chain);
        verify(traced).setHeader(TraceIdHeader.HEADER, "4bf92f3577b34da6a3ce929d0e0e4736");
        verify(chain).doFilter(request, traced);

        when(tracer.currentSpan()).thenReturn(null);
        HttpServletResponse untraced = mock(HttpServletResponse.class);
        new TraceIdHeader(tracer).doFilterInternal(request, untraced, chain);
        verify(untraced, never()).setHeader(anyString(), anyString());
    }
}
