package com.tradeflow.platform.events;

import com.tradeflow.platform.fault.FaultSwitches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * How a service subscribes a handler to the order events, in one of the two ways of the seed notes:
 * <ul>
 * <li>{@link #applyOnDelivery}: the handler runs in the delivery, in one local transaction with the dedupe record;
 * the broker gets the acknowledgement after that commit. Simple; a slow handler holds its queue.</li>
 * <li>{@link #throughInbox}: the delivery only stores the message in the {@code event_inbox} table (migration
 * db/event-inbox) and is acknowledged at once; a job applies the inbox with retries. For slow handlers: the
 * broker's queue never backs up behind them. Needs the inbox tables in the service's (single) database.</li>
 * </ul>
 * Either way an event is applied once, in order per order, and what returns a lifecycle bean to register.
 */
public final class OrderEventSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(OrderEventSubscriptions.class);

    private final EventsProperties properties;
    private final TransactionTemplate transactions;
    private final ProcessedEvents processed;
    private final OrderEventJson json;
    private final FaultSwitches faults;
    private final JdbcTemplate jdbc;

    OrderEventSubscriptions(EventsProperties properties, TransactionTemplate transactions, ProcessedEvents processed,
            OrderEventJson json, FaultSwitches faults, JdbcTemplate jdbc) {
        this.properties = properties;
        this.transactions = transactions;
        this.processed = processed;
        this.json = json;
        this.faults = faults;
        this.jdbc = jdbc;
    }

    public SmartLifecycle applyOnDelivery(String group, OrderEventHandler handler) {
        EventApplier applier = new EventApplier(group, transactions, processed, handler, faults);
        return new OrderedEventConsumer(group, properties, json, applier::apply);
    }

    public SmartLifecycle throughInbox(String group, OrderEventHandler handler) {
        EventInbox inbox = new EventInbox(jdbc, json);
        DataSource database = jdbc.getDataSource();
        if (database == null) {
            throw new IllegalStateException("the inbox of " + group + " needs the service's data source");
        }
        InboxProcessor processor = new InboxProcessor(group, database, inbox,
                new EventApplier(group, transactions, processed, handler, faults), transactions, json,
                properties.inbox(), faults);
        OrderedEventConsumer receiver = new OrderedEventConsumer(group, properties, json, event -> {
            if (!inbox.store(group, event)) {
                log.info("{}: {} {} of order {} is in the inbox already; acknowledged", group, event.type(),
                        event.eventId(), event.orderId());
            }
        });
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
