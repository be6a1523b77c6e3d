package com.tradeflow.web.ops;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** What the console's figures need from the metrics: a p99 on the purchases' request timers only. */
@Configuration(proxyBeanMethods = false)
class ConsoleMetrics {

    @Bean
    MeterFilter purchaseLatencyPercentile(@Value("${tradeflow.ops.history.interval}") Duration interval) {
        return PurchaseHistory.purchaseLatencyPercentile(interval);
    }
}
