package com.tradeflow.platform.events;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.fault.FaultSwitches;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * One consumer group of the order events, consumed in order per queue (the events of one order share a queue).
 * Each message is applied in one local transaction together with its dedupe record ({@link ProcessedEvents}) and
 * acknowledged only after that commit. A failure pauses the queue and retries the same message (ordered
 * consumption's form of RECONSUME_LATER); after {@code max-reconsume-times} failures the client hands it to the
 * broker, which moves it to the group's dead-letter topic, and the queue goes on.
 */
public final class OrderedEventConsumer implements SmartLifecycle {

    /** Test-only: hold each delivery inside its transaction, after its effect, before the commit. */
    public static final String FAULT_HOLD_IN_TRANSACTION = "events.consume.hold";
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(OrderedEventConsumer.class);

    private final String group;
    private final EventsProperties properties;
    private final TransactionTemplate transactions;
    private final ProcessedEvents processed;
    private final OrderEventJson json;
    private final OrderEventHandler handler;
    private final FaultSwitches faults;
    private volatile DefaultMQPushConsumer consumer;

    public OrderedEventConsumer(String group, EventsProperties properties, TransactionTemplate transactions,
            ProcessedEvents processed, OrderEventJson json, OrderEventHandler handler, FaultSwitches faults) {
        this.group = group;
        this.properties = properties;
        this.transactions = transactions;
        this.processed = processed;
        this.json = json;
        this.handler = handler;
        this.faults = faults;
    }

    @Override
    public void start() {
        RocketMqClients.useCurrentRemotingVersion();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(properties.namesrv());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(properties.maxReconsumeTimes());
        c.setSuspendCurrentQueueTimeMillis(properties.retryDelay().toMillis());
        c.setConsumeThreadMin(properties.consumeThreads());
        c.setConsumeThreadMax(properties.consumeThreads());
        c.setConsumeMessageBatchMaxSize(1);
        c.setInstanceName(group);
        try {
            c.subscribe(EventTopics.ORDER_EVENTS, "*");
            c.registerMessageListener((MessageListenerOrderly) (messages, context) -> consume(messages));
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("consumer group " + group + " cannot start (name server "
                    + properties.namesrv() + "): " + e.getMessage(), e);
        }
        consumer = c;
        log.info("consumer group {} subscribed to {} at {}", group, EventTopics.ORDER_EVENTS, properties.namesrv());
    }

    private ConsumeOrderlyStatus consume(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            try {
                apply(message);
            } catch (RuntimeException e) {
                boolean last = message.getReconsumeTimes() >= properties.maxReconsumeTimes();
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

    private void apply(MessageExt message) {
        OrderEvent event = json.read(message.getBody());
        transactions.executeWithoutResult(status -> {
            if (processed.firstDelivery(group, event)) {
                handler.apply(event);
                faults.holdWhileArmed(FAULT_HOLD_IN_TRANSACTION, HOLD_LIMIT);
                log.debug("{}: applied {} {} of order {}", group, event.type(), event.eventId(), event.orderId());
            } else {
                log.info("{}: {} {} of order {} was applied before; acknowledged without effect", group,
                        event.type(), event.eventId(), event.orderId());
            }
        });
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
