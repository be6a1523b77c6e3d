package com.tradeflow.web.events;

import com.tradeflow.platform.events.EventsProperties;
import com.tradeflow.platform.events.RocketMqClients;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.tracing.MessageTraces;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends events to their topic (for the outbox relay and dead-letter replays): tag = event type, keys = event id
 * and aggregate id (order or top-up, for lookups in the broker), queue chosen by aggregate id. A send counts once
 * the broker answered that it stored the message. Each send is a PRODUCER span continuing the trace stored with the
 * row (or the current one), and the message carries its context to the subscribers ({@link MessageTraces}).
 */
@Component
public class EventSender implements SmartLifecycle {

    static final String PRODUCER_GROUP = "consumer-web-events";
    private static final Logger log = LoggerFactory.getLogger(EventSender.class);

    /** Test-only: every send is refused as if by the broker (the message is not stored). */
    static final String FAULT_REFUSE_SENDS = "events.send.refused";

    private final EventsProperties events;
    private final FaultSwitches faults;
    private final MessageTraces traces;
    private final AggregateQueueSelector byAggregate = new AggregateQueueSelector();
    private volatile DefaultMQProducer producer;

    EventSender(EventsProperties events, FaultSwitches faults, MessageTraces traces) {
        this.events = events;
        this.faults = faults;
        this.traces = traces;
    }

    @Override
    public void start() {
        producer =
                RocketMqClients.start(new DefaultMQProducer(PRODUCER_GROUP, RocketMqClients.signing(events)), events);
    }

    /**
     * @param traceParent the trace the event belongs to (stored with its row); null: the current span's
     * @throws SendFailed when the broker did not store the message
     */
    public void send(
            String topic, String eventId, long aggregateId, String eventType, String payload, String traceParent) {
        DefaultMQProducer p = producer;
        if (p == null) {
            throw new SendFailed("producer not started", true, null);
        }
        try {
            faults.fireIfArmed(FAULT_REFUSE_SENDS);
        } catch (FaultSwitches.InjectedFault refused) {
            throw new SendFailed("broker refused: " + refused.getMessage(), false, refused);
        }
        Message message = new Message(topic, eventType, null, payload.getBytes(StandardCharsets.UTF_8));
        message.setKeys(List.of(eventId, String.valueOf(aggregateId)));
        Span span = traces.sending(topic, traceParent, message::putUserProperty);
        try {
            send(p, message, eventId, aggregateId);
        } catch (SendFailed e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void send(DefaultMQProducer p, Message message, String eventId, long aggregateId) {
        try {
            SendResult result = p.send(
                    message, byAggregate, aggregateId, events.sendTimeout().toMillis());
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                // FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE: stored by the master, not yet as
                // durable as configured. Sending again would only duplicate it (consumers deduplicate anyway).
                log.warn(
                        "event {} of {}: stored by the broker with status {}",
                        eventId,
                        aggregateId,
                        result.getSendStatus());
            }
        } catch (MQClientException e) {
            // the client refuses a message it will never send (too big, bad topic): the event cannot go as is;
            // anything else (no route, no name server) is the broker being out of reach
            throw new SendFailed(
                    e.getErrorMessage() == null ? e.getMessage() : e.getErrorMessage(),
                    e.getResponseCode() != ResponseCode.MESSAGE_ILLEGAL,
                    e);
        } catch (RemotingException e) {
            throw new SendFailed(e.getMessage(), true, e);
        } catch (MQBrokerException e) {
            throw new SendFailed("broker refused: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted", true, e);
        }
    }

    @Override
    public void stop() {
        DefaultMQProducer p = producer;
        producer = null;
        if (p != null) {
            p.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return producer != null;
    }

    /**
     * A send the broker did not acknowledge.
     *
     * @see #unreachable()
     */
    public static final class SendFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean unreachable;

        SendFailed(String message, boolean unreachable, Throwable cause) {
            super(message, cause);
            this.unreachable = unreachable;
        }

        /** The broker (or the name server) could not be reached: the next sends would fail the same way. */
        public boolean unreachable() {
            return unreachable;
        }
    }
}
