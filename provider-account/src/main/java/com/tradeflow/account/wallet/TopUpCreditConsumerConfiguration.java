package com.tradeflow.account.wallet;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.events.EventSubscriptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The top-up subscriber of the wallet events (consumer group {@value EventTopics#TOP_UP_GROUP}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class TopUpCreditConsumerConfiguration {

    @Bean
    SmartLifecycle topUpCreditSubscription(EventSubscriptions subscriptions, TopUpCredits credits) {
        return subscriptions.applyIdempotentOnDelivery(EventTopics.TOP_UP_GROUP, TopUpEvent.class, credits::credit);
    }
}
