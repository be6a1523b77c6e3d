package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dedupe record of a consumer: insert first on the unique (consumer, event id), in the transaction that
 * applies the event. A duplicate key means the event was applied before; the caller then changes nothing.
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
                    VALUES (?, ?, ?, ?, ?)""", consumer, event.eventId(), event.type(), event.orderId(),
                    event.userId());
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }
}
