package com.tradeflow.web.events;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.EventJson;
import com.tradeflow.platform.events.EventsProperties;
import com.tradeflow.platform.events.RocketMqClients;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.web.outbox.OutboxRepository;
import com.tradeflow.web.outbox.OutboxStatus;
import com.tradeflow.web.transaction.GlobalTransactionStatus;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The RocketMQ transactional-message publisher. Inside the global transaction, after its work and before its
 * commit, each announced event goes to the broker as a half message (invisible to consumers) in its order's queue;
 * then the global commit runs, and the half messages are committed when it committed, rolled back when it rolled
 * back, and left to the broker's check-back ({@link EventCheckBack}) when the outcome is unknown. A half message
 * that cannot be sent fails the purchase before anything commits (the broker is part of the transaction here).
 * The outbox row is still written with the order change, as TRANSACTIONAL: it is what the check-back reads.
 */
@Component
@ConditionalOnProperty(name = "tradeflow.events.publisher", havingValue = "transactional-message")
class TransactionalMessagePublisher implements OrderEventPublisher, SmartLifecycle {

    static final String PRODUCER_GROUP = "consumer-web-tx-events";
    /** Test-only: hold after the global commit, before the half messages are ended (to kill the process there). */
    static final String FAULT_HOLD_BEFORE_END = "events.transactional.before-end";

    /** How long a commit still in phase two is awaited before the check-back is left to decide. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);

    private static final Duration SETTLE_POLL = Duration.ofMillis(200);
    static final String XID_PROPERTY = "xid";

    private static final Logger log = LoggerFactory.getLogger(TransactionalMessagePublisher.class);

    private final EventsProperties properties;
    private final EventJson json;
    private final OutboxRepository outbox;
    private final EventCheckBack checkBack;
    private final FaultSwitches faults;
    private final GlobalTransactionStatus transactions;
    private final MessageTraces traces;
    private final AggregateQueueSelector byOrder = new AggregateQueueSelector();
    private final AnnouncedEvents announced = new AnnouncedEvents();
    private volatile TransactionMQProducer producer;

    TransactionalMessagePublisher(
            EventsProperties properties,
            EventJson json,
            OutboxRepository outbox,
            EventCheckBack checkBack,
            FaultSwitches faults,
            GlobalTransactionStatus transactions,
            MessageTraces traces) {
        this.traces = traces;
        this.properties = properties;
        this.json = json;
        this.outbox = outbox;
        this.checkBack = checkBack;
        this.faults = faults;
        this.transactions = transactions;
    }

    @Override
    public OutboxStatus rowStatus() {
        return OutboxStatus.TRANSACTIONAL;
    }

    /**
     * @throws BusinessException ORDER_NOT_CANCELLABLE (retry later) while an earlier event of the order is not
     *                           with the broker yet: this half message would be committed before it and reach
     *                           consumers first (the outbox relay keeps that order by itself)
     */
    @Override
    public void announce(OrderEvent event) {
        // a new order has no earlier event; asking would only add a query (under XA, a branch) to every purchase
        if (!event.placed() && !outbox.allSent(event.orderId(), event.userId())) {
            throw new BusinessException(
                    ErrorCode.ORDER_NOT_CANCELLABLE,
                    "order " + event.orderId()
                            + ": its earlier events are still being published; try again in a moment");
        }
        announced.add(event);
    }

    @Override
    public void commit(GlobalTransaction tx) throws TransactionException {
        List<OrderEvent> events = announced.take(tx.getXid());
        List<Half> halves = new ArrayList<>();
        try {
            for (OrderEvent event : events) {
                halves.add(sendHalf(event, tx.getXid()));
            }
        } catch (RuntimeException e) {
            end(halves, LocalTransactionState.ROLLBACK_MESSAGE);
            throw e;
        }
        try {
            tx.commit();
        } catch (TransactionException e) {
            // the coordinator may still commit (or roll back): the broker asks the check-back later
            end(halves, LocalTransactionState.UNKNOW);
            throw e;
        }
        LocalTransactionState state = decided(settled(tx.getXid(), tx.getLocalStatus()));
        faults.holdWhileArmed(FAULT_HOLD_BEFORE_END);
        List<Half> ended = end(halves, state);
        if (state == LocalTransactionState.COMMIT_MESSAGE) {
            // only halves whose commit reached the broker: a row marked SENT lets the order's next event go, and it
            // must not overtake a half still waiting for its check-back
            ended.forEach(half -> markSent(half.event()));
        }
    }

    /**
     * Bookkeeping after the commit: it must not turn a committed purchase into an error. A row left TRANSACTIONAL
     * is marked by the check-back, or taken over by the relay much later (consumers deduplicate).
     */
    private void markSent(OrderEvent event) {
        try {
            outbox.markSent(event.eventId(), event.userId());
        } catch (RuntimeException e) {
            log.warn(
                    "event {} of order {} committed to the broker, but its outbox row is not marked SENT: {}",
                    event.eventId(),
                    event.orderId(),
                    e.toString());
        }
    }

    /**
     * A half message in the order's queue. RocketMQ's {@code sendMessageInTransaction} cannot choose the queue, so
     * the half is sent the way it does it (the prepared flag and the producer group in the properties) through
     * the ordered send; the broker keeps the queue for when it is committed.
     */
    private Half sendHalf(OrderEvent event, String xid) {
        TransactionMQProducer p = producer;
        if (p == null) {
            throw unavailable(event, "producer not started", null);
        }
        try {
            faults.fireIfArmed(EventSender.FAULT_REFUSE_SENDS);
        } catch (FaultSwitches.InjectedFault refused) {
            throw unavailable(event, "broker refused: " + refused.getMessage(), refused);
        }
        Message message = new Message(
                EventTopics.ORDER_EVENTS, event.type(), null, json.write(event).getBytes(StandardCharsets.UTF_8));
        message.setKeys(List.of(event.eventId(), String.valueOf(event.orderId())));
        message.putUserProperty(XID_PROPERTY, xid);
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_PRODUCER_GROUP, PRODUCER_GROUP);
        // inside the purchase's request: its span is the send's parent
        Span span = traces.sending(EventTopics.ORDER_EVENTS, null, message::putUserProperty);
        try {
            SendResult result = p.send(
                    message, byOrder, event.orderId(), properties.sendTimeout().toMillis());
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw unavailable(event, "broker answered " + result.getSendStatus(), null);
            }
            return new Half(event, message, result);
        } catch (BusinessException e) {
            span.error(e);
            throw e;
        } catch (Exception e) {
            span.error(e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw unavailable(event, e.getMessage(), e);
        } finally {
            span.end();
        }
    }

    /** @return the halves whose end went out to the broker (one-way: written to its connection) */
    private List<Half> end(List<Half> halves, LocalTransactionState state) {
        List<Half> ended = new ArrayList<>();
        for (Half half : halves) {
            try {
                producer.getDefaultMQProducerImpl().endTransaction(half.message(), half.result(), state, null);
                ended.add(half);
            } catch (Exception e) {
                // the broker keeps the half message and asks the check-back
                log.warn(
                        "transactional message of event {} (order {}): {} not delivered to the broker, left to its "
                                + "check-back: {}",
                        half.event().eventId(),
                        half.event().orderId(),
                        state,
                        e.toString());
            }
        }
        return ended;
    }

    /**
     * A commit still in phase two (a TCC confirm or XA commit the coordinator retries, usually within a second or
     * two) is awaited a little, so that its event goes out now rather than at the broker's next check-back, and
     * the order can be cancelled at once. Finished after a commit decision means committed.
     */
    private GlobalStatus settled(String xid, GlobalStatus status) {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        GlobalStatus now = status;
        while ((now == GlobalStatus.Committing || now == GlobalStatus.CommitRetrying) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = transactions
                    .current(xid)
                    .map(s -> s == GlobalStatus.Finished ? GlobalStatus.Committed : s)
                    .orElse(now);
        }
        return now;
    }

    /**
     * Commit the half messages only when every branch's change is in: Committed, or AsyncCommitting (all-AT, whose
     * rows were committed in phase one). A commit still in phase two (a TCC confirm or an XA commit being retried)
     * may not have written the outbox row yet: left to the check-back, which commits once the row is visible.
     */
    private static LocalTransactionState decided(GlobalStatus status) {
        return switch (status) {
            case Committed, AsyncCommitting -> LocalTransactionState.COMMIT_MESSAGE;
            case Rollbacked,
                    Rollbacking,
                    RollbackRetrying,
                    TimeoutRollbacked,
                    TimeoutRollbacking,
                    TimeoutRollbackRetrying -> LocalTransactionState.ROLLBACK_MESSAGE;
            default -> LocalTransactionState.UNKNOW;
        };
    }

    private static BusinessException unavailable(OrderEvent event, String reason, Exception cause) {
        log.warn(
                "event {} of order {}: half message not stored ({}); the transaction is rolled back",
                event.eventId(),
                event.orderId(),
                reason);
        return new BusinessException(
                ErrorCode.DEPENDENCY_UNAVAILABLE,
                "the event broker is unavailable (" + reason + "); nothing was changed, try again later");
    }

    @Override
    public void start() {
        if (!outbox.eventsEnabled()) {
            // the check-back answers from outbox rows: without them every half message would be rolled back
            throw new IllegalStateException("tradeflow.events.enabled=false works with the outbox publisher only");
        }
        TransactionMQProducer p = new TransactionMQProducer(PRODUCER_GROUP, RocketMqClients.signing(properties));
        p.setTransactionListener(checkBack);
        RocketMqClients.start(p, properties);
        announceToBrokers(p);
        producer = p;
        log.info("order events published as RocketMQ transactional messages (producer group {})", PRODUCER_GROUP);
    }

    /**
     * A producer heartbeats only to brokers of topics it knows, and knows a topic only after its first send. The
     * broker asks check-backs of a producer group through those heartbeats' channels: a restarted instance that had
     * sent nothing yet was unreachable for them ("Check transaction failed, channel is null" in the broker's
     * transaction log) and its in-doubt half messages stayed undecided. So the route is fetched at start, and
     * then refreshed with the producer's topics every 30 s.
     */
    private void announceToBrokers(TransactionMQProducer p) {
        MQClientInstance client = p.getDefaultMQProducerImpl().getmQClientFactory();
        if (client.updateTopicRouteInfoFromNameServer(EventTopics.ORDER_EVENTS)) {
            client.sendHeartbeatToAllBrokerWithLock();
        } else {
            log.warn(
                    "no route to {} yet (broker down?): check-backs reach this instance after its first send or "
                            + "the next route refresh",
                    EventTopics.ORDER_EVENTS);
        }
    }

    @Override
    public void stop() {
        TransactionMQProducer p = producer;
        producer = null;
        if (p != null) {
            p.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return producer != null;
    }

    private record Half(OrderEvent event, Message message, SendResult result) {}
}
