package com.tradeflow.account.points;

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

/** The loyalty-points subscriber of the order events (consumer group {@value EventTopics#POINTS_GROUP}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class PointsConsumerConfiguration {

    @Bean
    OrderedEventConsumer pointsConsumer(EventsProperties properties, TransactionTemplate transactions,
            ProcessedEvents processed, OrderEventJson json, LoyaltyPoints points, FaultSwitches faults) {
        return new OrderedEventConsumer(EventTopics.POINTS_GROUP, properties, transactions, processed, json, points,
                faults);
    }
}
