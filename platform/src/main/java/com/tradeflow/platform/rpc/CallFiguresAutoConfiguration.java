package com.tradeflow.platform.rpc;

import com.tradeflow.platform.metrics.OutcomeHistory;
import com.tradeflow.platform.metrics.OutcomeHistory.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A provider's Dubbo calls over the last minutes, for the operations console: every
 * {@code tradeflow.metrics.history.interval}, the calls served per second that succeeded, the share that failed
 * (errors; a refusal the caller is meant to handle is an answer), and the successes' p99, from
 * {@code tradeflow.rpc.server} ({@link ProviderCallMetrics}); served as {@code GET /actuator/calls}. Only in a
 * service that serves Dubbo calls ({@code dubbo.protocol.port} set).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "dubbo.protocol", name = "port")
public class CallFiguresAutoConfiguration {

    static Optional<Outcome> outcomeOf(Meter.Id id) {
        String outcome = id.getTag("outcome");
        if (outcome == null) {
            return Optional.empty();
        }
        return Optional.of(
                switch (ProviderCallMetrics.Outcome.valueOf(outcome)) {
                    case SUCCESS -> Outcome.SUCCEEDED;
                    case REFUSED -> Outcome.REFUSED;
                    case ERROR -> Outcome.FAILED;
                });
    }

    @Bean
    OutcomeHistory callHistory(
            MeterRegistry meters,
            @Value("${tradeflow.metrics.history.interval}") Duration interval,
            @Value("${tradeflow.metrics.history.size}") int size) {
        return new OutcomeHistory(
                "calls", meters, ProviderCallMetrics.METRIC, CallFiguresAutoConfiguration::outcomeOf, interval, size);
    }

    @Bean
    MeterFilter callLatencyPercentile(@Value("${tradeflow.metrics.history.interval}") Duration interval) {
        return OutcomeHistory.successPercentile(
                ProviderCallMetrics.METRIC, CallFiguresAutoConfiguration::outcomeOf, interval);
    }

    @Bean
    CallsEndpoint callsEndpoint(@Qualifier("callHistory") OutcomeHistory history) {
        return new CallsEndpoint(history);
    }

    /** {@code GET /actuator/calls}: the samples, oldest first. */
    @Endpoint(id = "calls")
    public static class CallsEndpoint {

        private final OutcomeHistory history;

        CallsEndpoint(OutcomeHistory history) {
            this.history = history;
        }

        @ReadOperation
        public List<OutcomeHistory.Sample> samples() {
            return history.samples();
        }
    }
}
