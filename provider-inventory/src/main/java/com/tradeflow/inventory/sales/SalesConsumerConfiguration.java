package com.tradeflow.inventory.sales;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.events.EventsProperties;
import com.tradeflow.platform.events.OrderEventJson;
import com.tradeflow.platform.events.OrderedEventConsumer;
import com.tradeflow.platform.events.ProcessedEvents;
import com.tradeflow.platform.fault.FaultSwitches;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The sold-counter subscriber of the order events (consumer group {@value EventTopics#SALES_GROUP}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class SalesConsumerConfiguration {

    @Bean
    OrderedEventConsumer salesConsumer(EventsProperties properties, TransactionTemplate transactions,
            ProcessedEvents processed, OrderEventJson json, SoldCounter counter, FaultSwitches faults) {
        return new OrderedEventConsumer(EventTopics.SALES_GROUP, properties, transactions, processed, json, counter,
                faults);
    }
}
