package com.tradeflow.platform.events;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.IntegrationEvent;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.tracing.MessageTraces;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import java.util.function.LongToIntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a service subscribes a handler to events. Order events in one of the two ways of the seed notes:
 * <ul>
 * <li>{@link #applyOnDelivery}: the handler runs in the delivery, in one local transaction with the dedupe record
 * (several events of one delivery: one per database); the broker gets the acknowledgement after that commit.
 * Simple; a slow handler holds its queue.</li>
 * <li>{@link #throughInbox}: the delivery only stores the message in the {@code event_inbox} table (migration
 * db/event-inbox) and is acknowledged at once; a job applies the inbox with retries. For slow handlers: the
 * broker's queue never backs up behind them. Needs the inbox tables in the service's (single) database.</li>
 * </ul>
 * Either way an event is applied once, in order per order, and what returns a lifecycle bean to register. Events of
 * other topics (wallet events) go to {@link #applyIdempotentOnDelivery}, whose handler deduplicates on a business
 * key of its own, or to {@link #deliverEach} when the handler runs its own (global) transactions.
 */
public final class EventSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);

    private final EventsProperties properties;
    private final TransactionTemplate transactions;
    private final ProcessedEvents processed;
    private final EventJson json;
    private final FaultSwitches faults;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final MessageTraces traces;

    EventSubscriptions(
            EventsProperties properties,
            TransactionTemplate transactions,
            ProcessedEvents processed,
            EventJson json,
            FaultSwitches faults,
            JdbcTemplate jdbc,
            MeterRegistry meters,
            MessageTraces traces) {
        this.properties = properties;
        this.transactions = transactions;
        this.processed = processed;
        this.json = json;
        this.faults = faults;
        this.jdbc = jdbc;
        this.meters = meters;
        this.traces = traces;
    }

    /** Order events, applied in the delivery with a dedupe record per event id. */
    public SmartLifecycle applyOnDelivery(String group, OrderEventHandler handler) {
        EventApplier applier = applier(group, handler);
        return new OrderedEventConsumer(
                group,
                EventTopics.ORDER_EVENTS,
                properties,
                properties.maxReconsumeTimes(),
                message -> applier.apply(json.read(message.body())),
                messages -> applier.applyAll(messages.stream()
                        .map(message -> json.read(message.body()))
                        .toList()),
                traces);
    }

    private EventApplier applier(String group, OrderEventHandler handler) {
        LongToIntFunction databaseOf =
                jdbc.getDataSource() instanceof BranchTypeRoutingDataSource routing ? routing::databaseOf : userId -> 0;
        return new EventApplier(group, transactions, processed, handler, faults, databaseOf);
    }

    /**
     * Events of the group's topic ({@link EventTopics#topicOf}) applied in the delivery by a handler that is
     * idempotent on its own, on a business key of the event (a top-up credit keyed by its merchant order number):
     * the handler runs in one local transaction, acknowledged after the commit.
     *
     * @param maxReconsumeTimes failed deliveries (each after {@code retry-delay}) before the message is
     *                          dead-lettered: a handler that can be held up for a while (a lock) needs more than the
     *                          order subscribers' budget
     */
    public <E extends IntegrationEvent> SmartLifecycle applyIdempotentOnDelivery(
            String group, Class<E> type, int maxReconsumeTimes, Consumer<E> handler) {
        return deliverEach(
                group,
                type,
                maxReconsumeTimes,
                event -> transactions.executeWithoutResult(status -> handler.accept(event)));
    }

    /**
     * Events of the group's topic handed to a handler that runs its own transactions (a global one: placing an
     * order), so none is opened around it here; it must be idempotent on a business key of the event. Acknowledged
     * when it returns; when it throws, delivered again after {@code retry-delay}, up to {@code maxReconsumeTimes}.
     */
    public <E extends IntegrationEvent> SmartLifecycle deliverEach(
            String group, Class<E> type, int maxReconsumeTimes, Consumer<E> handler) {
        return new OrderedEventConsumer(
                group,
                topicCarrying(group, type),
                properties,
                maxReconsumeTimes,
                message -> handler.accept(json.read(message.body(), type)),
                null,
                traces);
    }

    private static String topicCarrying(String group, Class<? extends IntegrationEvent> type) {
        String topic = EventTopics.topicOf(group);
        if (!type.equals(EventTopics.eventTypeOf(topic))) {
            throw new IllegalArgumentException(group + " consumes " + topic + ", which carries "
                    + EventTopics.eventTypeOf(topic).getSimpleName() + ", not " + type.getSimpleName());
        }
        return topic;
    }

    public SmartLifecycle throughInbox(String group, OrderEventHandler handler) {
        EventInbox inbox = new EventInbox(jdbc, json);
        DataSource database = jdbc.getDataSource();
        if (database == null) {
            throw new IllegalStateException("the inbox of " + group + " needs the service's data source");
        }
        InboxProcessor processor = new InboxProcessor(
                group,
                database,
                inbox,
                applier(group, handler),
                transactions,
                json,
                properties.inbox(),
                faults,
                traces);
        InboxMetrics.register(group, jdbc, meters);
        OrderedEventConsumer receiver = new OrderedEventConsumer(
                group,
                EventTopics.ORDER_EVENTS,
                properties,
                properties.maxReconsumeTimes(),
                message -> {
                    OrderEvent event = json.read(message.body());
                    if (inbox.store(group, event, traces.traceParent(message.span()))) {
                        processor.wake();
                    } else {
                        log.info(
                                "{}: {} {} of order {} is in the inbox already; acknowledged",
                                group,
                                event.type(),
                                event.eventId(),
                                event.orderId());
                    }
                },
                messages -> {
                    // a batch in one statement; one already stored (a redelivery) stays as it is
                    inbox.storeAll(
                            group,
                            messages.stream()
                                    .map(message -> new EventInbox.Arrival(
                                            json.read(message.body()), traces.traceParent(message.span())))
                                    .toList());
                    processor.wake();
                },
                traces);
        return new Both(processor, receiver);
    }

    /** Starts the job before the receiver (the inbox is applied as soon as it fills), stops in reverse. */
    private static final class Both implements SmartLifecycle {
        private final SmartLifecycle first;
        private final SmartLifecycle second;

        Both(SmartLifecycle first, SmartLifecycle second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void start() {
            first.start();
            second.start();
        }

        @Override
        public void stop() {
            second.stop();
            first.stop();
        }

        @Override
        public boolean isRunning() {
            return first.isRunning() || second.isRunning();
        }
    }
}
