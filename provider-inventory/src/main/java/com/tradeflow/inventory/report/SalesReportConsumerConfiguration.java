package com.tradeflow.inventory.report;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.events.EventSubscriptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sales-report subscriber (consumer group {@value EventTopics#SALES_REPORT_GROUP}). Reporting is the slow
 * kind of work (in production it feeds a reporting store), so it goes through the inbox: the broker gets its
 * acknowledgement as soon as the message is stored, and the report catches up on its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class SalesReportConsumerConfiguration {

    @Bean
    SmartLifecycle salesReportSubscription(EventSubscriptions subscriptions, DailySales report) {
        return subscriptions.throughInbox(EventTopics.SALES_REPORT_GROUP, report);
    }
}
