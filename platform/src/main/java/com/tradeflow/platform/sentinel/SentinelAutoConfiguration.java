package com.tradeflow.platform.sentinel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sentinel in every service: rules from Nacos, the command API for the dashboard, Dubbo refusals as our errors, its
 * clock on the system clock ({@link SentinelClock}).
 */
@AutoConfiguration
@EnableConfigurationProperties(SentinelProperties.class)
public class SentinelAutoConfiguration {

    @Bean
    SentinelRules sentinelRules(
            SentinelProperties properties, @Value("${spring.application.name}") String application) {
        SentinelDubboFallbacks.install();
        SentinelClock.readSystemTime();
        return new SentinelRules(properties, application);
    }
}
