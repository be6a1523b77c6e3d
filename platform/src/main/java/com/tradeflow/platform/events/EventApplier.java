package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.datasource.ShardScope;
import com.tradeflow.platform.fault.FaultSwitches;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongToIntFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event for one subscriber exactly once: its dedupe record ({@link ProcessedEvents}) and its effect
 * commit in one local transaction (joining the caller's, when there is one); a repeat changes nothing. Several events
 * at once ({@link #applyAll}) share one transaction per database, their dedupe records one statement, and their
 * effects one call of the handler ({@link OrderEventHandler#applyAll}).
 */
public final class EventApplier {

    /** Test-only: hold each application inside its transaction, after its effect, before the commit. */
    public static final String FAULT_HOLD_IN_TRANSACTION = "events.consume.hold";

    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);

    private final String consumer;
    private final TransactionTemplate transactions;
    private final ProcessedEvents processed;
    private final OrderEventHandler handler;
    private final FaultSwitches faults;

    private final LongToIntFunction databaseOf;

    /**
     * @param databaseOf the database a user's records are in (see
     *                   {@link com.tradeflow.platform.datasource.BranchTypeRoutingDataSource#databaseOf})
     */
    EventApplier(
            String consumer,
            TransactionTemplate transactions,
            ProcessedEvents processed,
            OrderEventHandler handler,
            FaultSwitches faults,
            LongToIntFunction databaseOf) {
        this.databaseOf = databaseOf;
        this.consumer = consumer;
        this.transactions = transactions;
        this.processed = processed;
        this.handler = handler;
        this.faults = faults;
    }

    /** @throws RuntimeException the effect failed: nothing of it (nor the dedupe record) is committed */
    public void apply(OrderEvent event) {
        // every consumer of order events keeps its records of the event with the order's user
        ShardScope.run(event.userId(), () -> transactions.executeWithoutResult(status -> applyInTransaction(event)));
    }

    /**
     * Applies events in their order, those of users in one database in one transaction (bound to the first of
     * them: the others' records are in the same database).
     *
     * @throws RuntimeException one failed: nothing of its database's transaction is committed (another database's,
     *                          done before, may be); applying them again changes nothing twice
     */
    public void applyAll(List<OrderEvent> events) {
        events.stream()
                .collect(Collectors.groupingBy(
                        event -> databaseOf.applyAsInt(event.userId()), LinkedHashMap::new, Collectors.toList()))
                .values()
                .forEach(sameDatabase -> ShardScope.run(
                        sameDatabase.get(0).userId(),
                        () -> transactions.executeWithoutResult(status -> applyInTransaction(sameDatabase))));
    }

    /** Several events: their dedupe records in one statement, the first deliveries' effects in one call. */
    private void applyInTransaction(List<OrderEvent> events) {
        List<OrderEvent> first = processed.firstDeliveries(consumer, events);
        if (!first.isEmpty()) {
            handler.applyAll(first);
            faults.holdWhileArmed(FAULT_HOLD_IN_TRANSACTION);
            log.debug("{}: applied {} event(s)", consumer, first.size());
        }
        if (first.size() < events.size()) {
            events.stream()
                    .filter(event -> !first.contains(event))
                    .forEach(repeat -> log.info(
                            "{}: {} {} of order {} was applied before; no effect this time",
                            consumer,
                            repeat.type(),
                            repeat.eventId(),
                            repeat.orderId()));
        }
    }

    private void applyInTransaction(OrderEvent event) {
        if (processed.firstDelivery(consumer, event)) {
            handler.apply(event);
            faults.holdWhileArmed(FAULT_HOLD_IN_TRANSACTION);
            log.debug("{}: applied {} {} of order {}", consumer, event.type(), event.eventId(), event.orderId());
        } else {
            log.info(
                    "{}: {} {} of order {} was applied before; no effect this time",
                    consumer,
                    event.type(),
                    event.eventId(),
                    event.orderId());
        }
    }
}
