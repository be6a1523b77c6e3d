package com.tradeflow.account.wallet;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.events.EventSubscriptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The top-up subscriber of the wallet events (consumer group {@value EventTopics#TOP_UP_GROUP}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class TopUpCreditConsumerConfiguration {

    /**
     * @param maxReconsumeTimes a credit refused while an AT purchase holds the wallet, or while the coordinator
     *                          cannot be asked, is retried this many times (each after the retry delay) before it is
     *                          dead-lettered: a succeeded top-up must not wait for an operator after a short blip
     */
    @Bean
    SmartLifecycle topUpCreditSubscription(
            EventSubscriptions subscriptions,
            TopUpCredits credits,
            @Value("${tradeflow.top-ups.credit-max-reconsume-times}") int maxReconsumeTimes) {
        return subscriptions.applyIdempotentOnDelivery(
                EventTopics.TOP_UP_GROUP, TopUpEvent.class, maxReconsumeTimes, credits::credit);
    }
}
