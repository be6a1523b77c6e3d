package com.tradeflow.web.events;

import com.tradeflow.platform.events.EventsProperties;
import com.tradeflow.platform.events.RocketMqClients;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.tracing.MessageTraces;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.producer.TopicPublishInfo;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends events to their topic (for the outbox relay and dead-letter replays): tag = event type, keys = event id
 * and aggregate id (order or top-up, for lookups in the broker), queue chosen by aggregate id. A send counts once
 * the broker answered that it stored the message. Each message is a PRODUCER span continuing the trace stored with
 * the row (or the current one), and carries its context to the subscribers ({@link MessageTraces}). The relay sends
 * what it has in one request per queue ({@link #sendBatched}): a round trip and a broker request for a pass's events
 * of one queue, instead of one per event.
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
    /**
     * What one batched request carries at most: well under the broker's and client's 4 MB message limit, and a few
     * hundred events of this project's size (under a kilobyte each).
     */
    private static final long REQUEST_BYTES = 1024 * 1024;
    /** A message's properties (keys, tags, trace context, ids) and framing in a batch, counted generously. */
    private static final long MESSAGE_OVERHEAD_BYTES = 512;
    /** UTF-8 encodes a Java char in at most three bytes. */
    private static final int MAX_BYTES_PER_CHAR = 3;

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

    /** For tests: sends through a producer made elsewhere (a fake). */
    void use(DefaultMQProducer started) {
        producer = started;
    }

    /**
     * One event alone (a dead letter's replay, or a row its relay's request could not carry): with the event's
     * {@code traceParent} null, the send continues the current span.
     *
     * @throws SendFailed when the broker did not store the message
     */
    public void send(Outgoing event) {
        DefaultMQProducer p = started();
        try {
            faults.fireIfArmed(FAULT_REFUSE_SENDS);
        } catch (FaultSwitches.InjectedFault refused) {
            throw new SendFailed("broker refused: " + refused.getMessage(), false, refused);
        }
        Message message = message(event);
        Span span = traces.sending(event.topic(), event.traceParent(), message::putUserProperty);
        try {
            stored(event.eventId(), () -> p.send(message, byAggregate, event.aggregateId(), timeoutMillis()));
        } catch (SendFailed e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Sends the events with one request per queue they go to (each to its aggregate's queue, as {@link #send}
     * does), in the given order within it: the broker stores a request's messages in that order, all or none. A
     * request the broker refuses (one message it will not take fails all) leaves its events, and the later events of
     * its queue, to the caller; so do the events of a topic whose route this producer has not fetched yet.
     *
     * @return the events not sent, in the given order: send them one by one ({@link #send(Outgoing)})
     * @throws SendFailed when the broker cannot be reached (requests sent before may have been stored)
     */
    public List<Outgoing> sendBatched(List<Outgoing> events) {
        DefaultMQProducer p = started();
        try {
            faults.fireIfArmed(FAULT_REFUSE_SENDS);
        } catch (FaultSwitches.InjectedFault refused) {
            return events;
        }
        List<Outgoing> left = new ArrayList<>();
        for (Map.Entry<MessageQueue, List<Outgoing>> queued :
                byQueue(p, events, left).entrySet()) {
            List<List<Outgoing>> requests = requests(queued.getValue());
            for (int i = 0; i < requests.size(); i++) {
                if (!sentTogether(p, queued.getKey(), requests.get(i))) {
                    // the queue's later events must not overtake these
                    requests.subList(i, requests.size()).forEach(left::addAll);
                    break;
                }
            }
        }
        Set<Outgoing> notSent = new HashSet<>(left);
        return events.stream().filter(notSent::contains).toList();
    }

    /** Events by the queue they go to, in the given order; those of a topic with no route yet go to {@code left}. */
    private Map<MessageQueue, List<Outgoing>> byQueue(DefaultMQProducer p, List<Outgoing> events, List<Outgoing> left) {
        Map<MessageQueue, List<Outgoing>> queued = new LinkedHashMap<>();
        Map<String, TopicPublishInfo> routes = p.getDefaultMQProducerImpl().getTopicPublishInfoTable();
        for (Outgoing event : events) {
            TopicPublishInfo route = routes.get(event.topic());
            if (route == null || !route.ok()) {
                left.add(event);
                continue;
            }
            // the queue list the selector sees in a single send: the same queue for the same aggregate
            MessageQueue queue = byAggregate.select(route.getMessageQueueList(), null, event.aggregateId());
            queued.computeIfAbsent(queue, q -> new ArrayList<>()).add(event);
        }
        return queued;
    }

    /** A queue's events cut into requests of at most {@link #REQUEST_BYTES} each. */
    private static List<List<Outgoing>> requests(List<Outgoing> queued) {
        List<List<Outgoing>> requests = new ArrayList<>();
        List<Outgoing> request = new ArrayList<>();
        long bytes = 0;
        for (Outgoing event : queued) {
            long size = event.payload().length() * (long) MAX_BYTES_PER_CHAR + MESSAGE_OVERHEAD_BYTES;
            if (!request.isEmpty() && bytes + size > REQUEST_BYTES) {
                requests.add(request);
                request = new ArrayList<>();
                bytes = 0;
            }
            request.add(event);
            bytes += size;
        }
        if (!request.isEmpty()) {
            requests.add(request);
        }
        return requests;
    }

    /** @return whether the broker stored them; false when it refused them */
    private boolean sentTogether(DefaultMQProducer p, MessageQueue queue, List<Outgoing> request) {
        List<Message> messages = new ArrayList<>(request.size());
        List<Span> spans = new ArrayList<>(request.size());
        for (Outgoing event : request) {
            Message message = message(event);
            messages.add(message);
            spans.add(traces.sending(event.topic(), event.traceParent(), message::putUserProperty));
        }
        String first = request.get(0).eventId();
        try {
            stored(first + " and " + (request.size() - 1) + " more", () -> p.send(messages, queue, timeoutMillis()));
            return true;
        } catch (SendFailed e) {
            spans.forEach(span -> span.error(e));
            if (e.unreachable()) {
                throw e;
            }
            log.warn(
                    "{} event(s) to {} refused together ({}); sent one by one instead",
                    request.size(),
                    queue,
                    e.getMessage());
            return false;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private DefaultMQProducer started() {
        DefaultMQProducer p = producer;
        if (p == null) {
            throw new SendFailed("producer not started", true, null);
        }
        return p;
    }

    private static Message message(Outgoing event) {
        Message message = new Message(
                event.topic(), event.eventType(), null, event.payload().getBytes(StandardCharsets.UTF_8));
        message.setKeys(List.of(event.eventId(), String.valueOf(event.aggregateId())));
        return message;
    }

    private long timeoutMillis() {
        return events.sendTimeout().toMillis();
    }

    /** Runs a send and maps its failures: refused (the broker or client will not take it) or unreachable. */
    private static void stored(String what, BrokerSend send) {
        try {
            SendResult result = send.send();
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                // FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE: stored by the master, not yet as
                // durable as configured. Sending again would only duplicate it (consumers deduplicate anyway).
                log.warn("event {}: stored by the broker with status {}", what, result.getSendStatus());
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

    /** One call of the producer. */
    @FunctionalInterface
    private interface BrokerSend {
        SendResult send() throws MQClientException, RemotingException, MQBrokerException, InterruptedException;
    }

    /** An event to send, as the outbox stores it. */
    public record Outgoing(
            String topic, String eventId, long aggregateId, String eventType, String payload, String traceParent) {}

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
