package com.tradeflow.web.order;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The purchases' request timers keep a p99 (for {@link PurchaseHistory}); no other timer does. */
@Configuration(proxyBeanMethods = false)
class PurchaseMetrics {

    @Bean
    MeterFilter purchaseLatencyPercentile(@Value("${tradeflow.ops.history.interval}") Duration interval) {
        return PurchaseHistory.purchaseLatencyPercentile(interval);
    }
}
