package com.tradeflow.account.points;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.events.EventSubscriptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The loyalty-points subscriber of the order events (consumer group {@value EventTopics#POINTS_GROUP}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class PointsConsumerConfiguration {

    @Bean
    SmartLifecycle pointsSubscription(EventSubscriptions subscriptions, LoyaltyPoints points) {
        return subscriptions.applyOnDelivery(EventTopics.POINTS_GROUP, points);
    }
}
