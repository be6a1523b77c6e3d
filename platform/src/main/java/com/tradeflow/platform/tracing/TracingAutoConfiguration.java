package com.tradeflow.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves the actuator's requests (health checks every few seconds, scrapes) out of the traces and the HTTP
 * observations: they would fill the trace store with one-span traces nobody looks for. Their figures stay on
 * {@code /actuator/prometheus} through Spring Boot's own Tomcat metrics.
 */
@AutoConfiguration
@ConditionalOnClass({ServerRequestObservationContext.class, ObservationPredicate.class})
public class TracingAutoConfiguration {

    static final String ACTUATOR = "/actuator";

    @Bean
    ObservationPredicate actuatorRequestsNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(ACTUATOR));
    }
}
