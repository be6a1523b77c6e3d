package com.tradeflow.inventory.sales;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.events.EventSubscriptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sold-counter subscriber of the order events (consumer group {@value EventTopics#SALES_GROUP}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class SalesConsumerConfiguration {

    @Bean
    SmartLifecycle salesSubscription(EventSubscriptions subscriptions, SoldCounter counter) {
        return subscriptions.applyOnDelivery(EventTopics.SALES_GROUP, counter);
    }
}
