package com.tradeflow.platform.events;

import com.tradeflow.api.event.EventTopics;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.function.Consumer;

/**
 * One consumer group of an event topic, consumed in order per queue (the events of one order, or of one top-up,
 * share a queue).
 * Each message is acknowledged only after its step (apply it, or store it in an inbox) committed. A failure
 * pauses the queue and retries the same message (ordered consumption's form of RECONSUME_LATER); after
 * {@code max-reconsume-times} failures the client hands it to the broker, which moves it to the group's
 * dead-letter topic, and the queue goes on.
 */
public final class OrderedEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderedEventConsumer.class);
    private static final int DEAD_LETTER_NOW = -1;

    private final String group;
    private final String topic;
    private final EventsProperties properties;
    private final int maxReconsumeTimes;
    private final Consumer<byte[]> step;
    private volatile DefaultMQPushConsumer consumer;

    /**
     * @param maxReconsumeTimes failed deliveries of one message before it is dead-lettered
     * @param step              what a delivery does with the message body before it is acknowledged; throws to have
     *                          it delivered again
     */
    OrderedEventConsumer(String group, String topic, EventsProperties properties, int maxReconsumeTimes,
            Consumer<byte[]> step) {
        this.group = group;
        this.topic = topic;
        this.properties = properties;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.step = step;
    }

    @Override
    public void start() {
        RocketMqClients.useCurrentRemotingVersion();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(properties.namesrv());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(maxReconsumeTimes);
        c.setSuspendCurrentQueueTimeMillis(properties.retryDelay().toMillis());
        c.setConsumeThreadMin(properties.consumeThreads());
        c.setConsumeThreadMax(properties.consumeThreads());
        c.setConsumeMessageBatchMaxSize(1);
        c.setPersistConsumerOffsetInterval(Math.toIntExact(properties.offsetCommitInterval().toMillis()));
        // the broker tells consumers apart by ip@instance: two instances of a service on one host sharing a name
        // were taken for one consumer, and each consumed every queue (seen: a flash-sale ticket placed by both)
        c.setInstanceName(group + "-" + properties.instanceId());
        try {
            c.subscribe(topic, "*");
            c.registerMessageListener((MessageListenerOrderly) (messages, context) -> consume(messages));
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("consumer group " + group + " cannot start (name server "
                    + properties.namesrv() + "): " + e.getMessage(), e);
        }
        consumer = c;
        log.info("consumer group {} subscribed to {} at {}", group, topic, properties.namesrv());
    }

    private ConsumeOrderlyStatus consume(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            try {
                step.accept(message.getBody());
            } catch (UntrustedEventException e) {
                if (!deadLetter(message, e)) {
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
            } catch (RuntimeException e) {
                boolean last = message.getReconsumeTimes() >= maxReconsumeTimes;
                if (last) {
                    log.error("{}: message {} (keys {}) failed {} times, to the dead-letter topic {}: {}", group,
                            message.getMsgId(), message.getKeys(), message.getReconsumeTimes() + 1,
                            EventTopics.deadLetterTopic(group), e.toString());
                } else {
                    log.warn("{}: message {} (keys {}) failed (delivery {}), retried in {}: {}", group,
                            message.getMsgId(), message.getKeys(), message.getReconsumeTimes() + 1,
                            properties.retryDelay(), e.toString());
                }
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
        }
        return ConsumeOrderlyStatus.SUCCESS;
    }

    /** @return false when the broker did not take it (the delivery is then retried, and refused again) */
    private boolean deadLetter(MessageExt message, UntrustedEventException refused) {
        log.error("{}: message {} (keys {}) refused, to the dead-letter topic {} without retries: {}", group,
                message.getMsgId(), message.getKeys(), EventTopics.deadLetterTopic(group), refused.getMessage());
        try {
            // a negative delay level: the broker stores it in the group's dead-letter topic straight away
            consumer.sendMessageBack(message, DEAD_LETTER_NOW);
            return true;
        } catch (Exception e) {
            log.warn("{}: message {} could not be dead-lettered now, retried: {}", group, message.getMsgId(),
                    e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        DefaultMQPushConsumer c = consumer;
        consumer = null;
        if (c != null) {
            c.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }
}
