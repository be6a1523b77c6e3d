package com.tradeflow.platform.events;

import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.fault.FaultsAutoConfiguration;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.platform.tracing.TracingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What producers and consumers of events share: broker settings, the JSON form, the dedupe records, and the
 * subscriptions a service makes from them.
 */
@AutoConfiguration(
        after = {
            JdbcTemplateAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            FaultsAutoConfiguration.class,
            TracingAutoConfiguration.class
        })
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventsAutoConfiguration.class);

    EventsAutoConfiguration(EventsProperties properties) {
        if (properties.signsBrokerRequests()) {
            log.info("requests to the broker are signed by access key {}", properties.accessKey());
        } else {
            log.warn("tradeflow.events.access-key (ROCKETMQ_ACCESS_KEY) is not set: requests to the broker are not "
                    + "signed, which only a broker without ACL accepts");
        }
    }

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    EventSignatures eventSignatures(EventsProperties properties) {
        if (properties.signingKey().isEmpty()) {
            log.warn("tradeflow.events.signing-key (TRADEFLOW_EVENT_SIGNING_KEY) is not set: top-up events can be "
                    + "neither signed nor credited");
        }
        return new EventSignatures(properties.signingKey());
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    @ConditionalOnBean({JdbcTemplate.class, TransactionTemplate.class})
    EventSubscriptions eventSubscriptions(
            EventsProperties properties,
            TransactionTemplate transactions,
            ProcessedEvents processed,
            EventJson json,
            FaultSwitches faults,
            JdbcTemplate jdbc,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<MessageTraces> traces) {
        return new EventSubscriptions(
                properties,
                transactions,
                processed,
                json,
                faults,
                jdbc,
                meters.getIfAvailable(() -> Metrics.globalRegistry),
                traces.getIfAvailable(MessageTraces::off));
    }
}
