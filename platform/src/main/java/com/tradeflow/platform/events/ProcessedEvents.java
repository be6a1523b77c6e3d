package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dedupe record of a consumer: insert first on the unique (consumer, event id), in the transaction that
 * applies the event. A duplicate key means the event was applied before; the caller then changes nothing. A batch
 * is recorded with one statement; a repeat in it (rare: a redelivery) refuses the whole statement, and its events
 * are then recorded one by one to tell the repeats apart.
 */
public final class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time this consumer sees the event, false for a repeat */
    public boolean firstDelivery(String consumer, OrderEvent event) {
        try {
            jdbc.update("""
                    INSERT INTO processed_events (consumer, event_id, event_type, order_id, user_id)
                    VALUES (?, ?, ?, ?, ?)""", consumer, event.eventId(), event.type(), event.orderId(), event.userId());
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    /** @return the events this consumer sees for the first time, in their order (a repeat in the list once) */
    public List<OrderEvent> firstDeliveries(String consumer, List<OrderEvent> events) {
        if (events.size() == 1) {
            return firstDelivery(consumer, events.get(0)) ? events : List.of();
        }
        try {
            jdbc.update(
                    "INSERT INTO processed_events (consumer, event_id, event_type, order_id, user_id) VALUES "
                            + MultiRowValues.placeholders(events.size(), 5),
                    MultiRowValues.values(
                            events,
                            event ->
                                    List.of(consumer, event.eventId(), event.type(), event.orderId(), event.userId())));
            return events;
        } catch (DuplicateKeyException someRepeat) {
            // the failed statement wrote nothing: one by one, in the same transaction
            List<OrderEvent> first = new ArrayList<>();
            for (OrderEvent event : events) {
                if (firstDelivery(consumer, event)) {
                    first.add(event);
                }
            }
            return first;
        }
    }
}
