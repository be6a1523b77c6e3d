package com.tradeflow.platform.events;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.tracing.MessageTraces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One consumer group of an event topic, consumed in order per queue (the events of one order, or of one top-up,
 * share a queue).
 * Each message is acknowledged only after its step (apply it, or store it in an inbox) committed. A failure
 * pauses the queue and retries the same message (ordered consumption's form of RECONSUME_LATER); after
 * {@code max-reconsume-times} failures it goes to the group's dead-letter topic, and the queue goes on.
 * <p>
 * With a batch step, a delivery holds up to {@code consume-batch-size} messages of one queue (as many as are waiting)
 * and applies them together; when that fails they go one at a time, as above. The dead-lettering is done here,
 * message by message: the client's own would count a failure against every message of the delivery and move them all
 * to the dead-letter topic together, untried ones included.
 * <p>
 * Each message's delivery is a CONSUMER span continuing the trace the message carries ({@link MessageTraces}); its
 * step runs inside it (a batch: each message has its span, the first is current).
 * <p>
 * A service must start while the broker is down (a chaos run restarted provider-inventory during a broker outage: the
 * client's start failed on the topic's route, and so did the service's). When the subscription cannot be made at
 * start, the service starts without it and a background thread tries again every {@code subscribe-retry} until it
 * can; the events wait in the broker meanwhile.
 */
public final class OrderedEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderedEventConsumer.class);
    private static final int DEAD_LETTER_NOW = -1;
    /** Ordered consumption reads -1 as "retry forever". */
    private static final int CLIENT_NEVER_DEAD_LETTERS = -1;

    private final String group;
    private final String topic;
    private final EventsProperties properties;
    private final int maxReconsumeTimes;
    private final Consumer<Received> step;
    private final Consumer<List<Received>> batchStep;
    private final MessageTraces traces;
    private volatile DefaultMQPushConsumer consumer;
    /** Started and not stopped, whether or not subscribed yet (Spring stops only what says it runs). */
    private volatile boolean running;
    /** Tries to subscribe again while the first attempt failed; null once subscribed, or never needed. */
    private ScheduledExecutorService resubscribing;

    /**
     * A delivered message's body, and its delivery's span: a step that keeps the message for later (the inbox) asks
     * for its traceparent; the others never pay for formatting one.
     */
    record Received(byte[] body, Span span) {}

    /**
     * @param maxReconsumeTimes failed deliveries of one message before it is dead-lettered
     * @param step              what a delivery does with the message body before it is acknowledged; throws to have
     *                          it delivered again
     * @param batchStep         the same for several bodies at once, in order, all or nothing (nothing of a failed
     *                          call may stay applied unless applying it again changes nothing); null: one at a time
     */
    OrderedEventConsumer(
            String group,
            String topic,
            EventsProperties properties,
            int maxReconsumeTimes,
            Consumer<Received> step,
            Consumer<List<Received>> batchStep,
            MessageTraces traces) {
        this.group = group;
        this.topic = topic;
        this.properties = properties;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.step = step;
        this.batchStep = batchStep;
        this.traces = traces;
    }

    @Override
    public synchronized void start() {
        running = true;
        RuntimeException failure = subscribe();
        if (failure == null) {
            return;
        }
        long every = properties.subscribeRetry().toMillis();
        log.warn(
                "consumer group {} cannot subscribe to {} (name server {}): the service starts without it and tries "
                        + "again every {}; its events wait in the broker: {}",
                group,
                topic,
                properties.namesrv(),
                properties.subscribeRetry(),
                failure.getMessage());
        resubscribing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "subscribe-" + group);
            thread.setDaemon(true);
            return thread;
        });
        resubscribing.scheduleWithFixedDelay(this::subscribeAgain, every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void subscribeAgain() {
        if (!running || consumer != null) {
            return;
        }
        RuntimeException failure = subscribe();
        if (failure == null) {
            resubscribing.shutdown();
            resubscribing = null;
        } else {
            log.debug("consumer group {} still cannot subscribe: {}", group, failure.getMessage());
        }
    }

    /** @return null once subscribed, else why not (the half-started client is shut down) */
    private RuntimeException subscribe() {
        RocketMqClients.useCurrentRemotingVersion();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group, RocketMqClients.signing(properties));
        c.setNamesrvAddr(properties.namesrv());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        // never by the client (see the class comment): consume() dead-letters
        c.setMaxReconsumeTimes(CLIENT_NEVER_DEAD_LETTERS);
        c.setSuspendCurrentQueueTimeMillis(properties.retryDelay().toMillis());
        c.setConsumeThreadMin(properties.consumeThreads());
        c.setConsumeThreadMax(properties.consumeThreads());
        c.setConsumeMessageBatchMaxSize(batchStep == null ? 1 : properties.consumeBatchSize());
        c.setPullInterval(properties.pullInterval().toMillis());
        c.setPersistConsumerOffsetInterval(
                Math.toIntExact(properties.offsetCommitInterval().toMillis()));
        // the broker tells consumers apart by ip@instance: two instances of a service on one host sharing a name
        // were taken for one consumer, and each consumed every queue (seen: a flash-sale ticket placed by both)
        c.setInstanceName(group + "-" + properties.instanceId());
        try {
            c.subscribe(topic, "*");
            c.registerMessageListener((MessageListenerOrderly) (messages, context) -> consume(messages));
            c.start();
        } catch (MQClientException | RuntimeException e) {
            // the client's start fails on the topic's route (an IllegalStateException) when no name server answers
            shutDownQuietly(c);
            return new IllegalStateException(
                    "consumer group " + group + " cannot start (name server " + properties.namesrv() + "): "
                            + e.getMessage(),
                    e);
        }
        consumer = c;
        log.info("consumer group {} subscribed to {} at {}", group, topic, properties.namesrv());
        return null;
    }

    /** Whether the group is subscribed (not while it waits for the name server). */
    boolean subscribed() {
        return consumer != null;
    }

    private void shutDownQuietly(DefaultMQPushConsumer c) {
        try {
            c.shutdown();
        } catch (RuntimeException e) {
            log.debug("consumer group {}: shutting down a client that did not start: {}", group, e.toString());
        }
    }

    /** One delivery: {@code messages} of one queue, in order. */
    ConsumeOrderlyStatus consume(List<MessageExt> messages) {
        if (batchStep != null && messages.size() > 1 && appliedTogether(messages)) {
            return ConsumeOrderlyStatus.SUCCESS;
        }
        for (int i = 0; i < messages.size(); i++) {
            MessageExt message = messages.get(i);
            Span span = traces.receiving(topic, group, message::getUserProperty);
            try (Tracer.SpanInScope scope = traces.inScope(span)) {
                ConsumeOrderlyStatus failed = deliver(messages, i, span);
                if (failed != null) {
                    return failed;
                }
            } finally {
                span.end();
            }
        }
        return ConsumeOrderlyStatus.SUCCESS;
    }

    /** @return null when the message was applied (or dead-lettered), else what the whole delivery answers */
    private ConsumeOrderlyStatus deliver(List<MessageExt> messages, int i, Span span) {
        MessageExt message = messages.get(i);
        try {
            step.accept(new Received(message.getBody(), span));
        } catch (UntrustedEventException e) {
            span.error(e);
            log.error(
                    "{}: message {} (keys {}) refused, to the dead-letter topic {} without retries: {}",
                    group,
                    message.getMsgId(),
                    message.getKeys(),
                    EventTopics.deadLetterTopic(group),
                    e.getMessage());
            if (!deadLetter(message)) {
                return retryLater(messages, i);
            }
        } catch (RuntimeException e) {
            span.error(e);
            if (message.getReconsumeTimes() < maxReconsumeTimes) {
                log.warn(
                        "{}: message {} (keys {}) failed (delivery {}), retried in {}: {}",
                        group,
                        message.getMsgId(),
                        message.getKeys(),
                        message.getReconsumeTimes() + 1,
                        properties.retryDelay(),
                        e.toString());
                return retryLater(messages, i);
            }
            log.error(
                    "{}: message {} (keys {}) failed {} times, to the dead-letter topic {}: {}",
                    group,
                    message.getMsgId(),
                    message.getKeys(),
                    message.getReconsumeTimes() + 1,
                    EventTopics.deadLetterTopic(group),
                    e.toString());
            if (!deadLetter(message)) {
                return retryLater(messages, i);
            }
        }
        return null;
    }

    /** @return false when the batch step failed: nothing of it stays applied (or it changes nothing again) */
    private boolean appliedTogether(List<MessageExt> messages) {
        List<Span> spans = new ArrayList<>(messages.size());
        List<Received> received = new ArrayList<>(messages.size());
        for (MessageExt message : messages) {
            Span span = traces.receiving(topic, group, message::getUserProperty);
            spans.add(span);
            received.add(new Received(message.getBody(), span));
        }
        try (Tracer.SpanInScope scope = traces.inScope(spans.get(0))) {
            batchStep.accept(received);
            return true;
        } catch (RuntimeException e) {
            // each is delivered again alone, in a span of its own
            spans.forEach(span -> span.tag("tradeflow.batch", "failed, taken one at a time"));
            log.debug(
                    "{}: {} messages failed together ({}), taken one at a time", group, messages.size(), e.toString());
            return false;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /**
     * The whole delivery comes again after {@code retry-delay}; the client counts one more delivery for each of its
     * messages. Only the one that failed has failed: the others' counts are set back, so that each message's count
     * stays the number of its own failures (what {@code max-reconsume-times} is about).
     */
    private ConsumeOrderlyStatus retryLater(List<MessageExt> messages, int failed) {
        for (int i = 0; i < messages.size(); i++) {
            if (i != failed) {
                messages.get(i).setReconsumeTimes(messages.get(i).getReconsumeTimes() - 1);
            }
        }
        return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
    }

    /** @return false when the broker did not take it (the delivery is then retried) */
    private boolean deadLetter(MessageExt message) {
        try {
            // a negative delay level: the broker stores it in the group's dead-letter topic straight away
            consumer.sendMessageBack(message, DEAD_LETTER_NOW);
            return true;
        } catch (Exception e) {
            log.warn(
                    "{}: message {} could not be dead-lettered now, retried: {}",
                    group,
                    message.getMsgId(),
                    e.toString());
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (resubscribing != null) {
            resubscribing.shutdownNow();
            resubscribing = null;
        }
        DefaultMQPushConsumer c = consumer;
        consumer = null;
        if (c != null) {
            c.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
