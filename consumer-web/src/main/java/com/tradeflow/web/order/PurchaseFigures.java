package com.tradeflow.web.order;

import com.tradeflow.platform.metrics.OutcomeHistory;
import com.tradeflow.platform.metrics.OutcomeHistory.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This instance's purchases over the last minutes ({@link OutcomeHistory}), sampled every
 * {@code tradeflow.metrics.history.interval} from the web API's own request timers ({@code http.server.requests} of
 * {@code POST /api/orders}): purchases answered 2xx per second, the share answered 5xx, and the p99 of the 2xx
 * answers' latency (only those timers keep one). Served on the management port as {@code /actuator/purchases}
 * ({@link PurchasesEndpoint}), where the console reads every web instance's.
 */
@Configuration(proxyBeanMethods = false)
class PurchaseFigures {

    static final String REQUESTS = "http.server.requests";
    static final String PURCHASES = "/api/orders";
    private static final String POST = "POST";

    /** A purchase's answer: 2xx succeeded, 5xx failed, anything else (4xx) refused; empty for other requests. */
    static Optional<Outcome> outcomeOf(Meter.Id id) {
        if (!PURCHASES.equals(id.getTag("uri")) || !POST.equals(id.getTag("method"))) {
            return Optional.empty();
        }
        return Optional.of(
                switch (String.valueOf(id.getTag("outcome"))) {
                    case "SUCCESS" -> Outcome.SUCCEEDED;
                    case "SERVER_ERROR" -> Outcome.FAILED;
                    default -> Outcome.REFUSED;
                });
    }

    @Bean
    OutcomeHistory purchaseHistory(
            MeterRegistry meters,
            @Value("${tradeflow.metrics.history.interval}") Duration interval,
            @Value("${tradeflow.metrics.history.size}") int size) {
        return new OutcomeHistory("purchases", meters, REQUESTS, PurchaseFigures::outcomeOf, interval, size);
    }

    @Bean
    MeterFilter purchaseLatencyPercentile(@Value("${tradeflow.metrics.history.interval}") Duration interval) {
        return OutcomeHistory.successPercentile(REQUESTS, PurchaseFigures::outcomeOf, interval);
    }
}
