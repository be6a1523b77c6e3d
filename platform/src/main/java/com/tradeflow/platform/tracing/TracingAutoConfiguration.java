package com.tradeflow.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves the actuator's requests (health checks every few seconds, scrapes) out of the traces and the HTTP
 * observations: they would fill the trace store with one-span traces nobody looks for. Their figures stay on
 * {@code /actuator/prometheus} through Spring Boot's own Tomcat metrics. Answers every other request with its trace
 * id ({@link TraceIdHeader}). Carries traces across the broker ({@link MessageTraces}).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration"
        })
@ConditionalOnClass({ServerRequestObservationContext.class, ObservationPredicate.class})
public class TracingAutoConfiguration {

    static final String ACTUATOR = "/actuator";

    /** Right after Spring's HTTP observation filter (which opens the request's span), before anything else. */
    @Bean
    @ConditionalOnBean(Tracer.class)
    FilterRegistrationBean<TraceIdHeader> traceIdHeader(Tracer tracer) {
        FilterRegistrationBean<TraceIdHeader> registration = new FilterRegistrationBean<>(new TraceIdHeader(tracer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** No tracer (tracing switched off): messages and rows carry no trace. */
    @Bean
    MessageTraces messageTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? MessageTraces.off() : new MessageTraces(t, p);
    }

    @Bean
    ObservationPredicate actuatorRequestsNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(ACTUATOR));
    }
}
