package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL over the {@code event_inbox} table (see its migration, db/event-inbox). */
final class EventInbox {

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getString("event_id"),
            rs.getLong("order_id"),
            rs.getString("payload"),
            rs.getInt("attempts"),
            rs.getString("trace_parent"));

    private final JdbcTemplate jdbc;
    private final EventJson json;

    EventInbox(JdbcTemplate jdbc, EventJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored message waiting to be applied; {@code traceParent}: its delivery's span, continued when applied. */
    record Row(long id, String eventId, long orderId, String payload, int attempts, String traceParent) {}

    /** An event as delivered, with the traceparent of its delivery's span (null when not traced). */
    record Arrival(OrderEvent event, String traceParent) {}

    /** @return false when the consumer has this event already (a redelivery) */
    boolean store(String consumer, OrderEvent event, String traceParent) {
        try {
            jdbc.update("""
                    INSERT INTO event_inbox (consumer, event_id, event_type, order_id, payload, trace_parent)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, consumer, event.eventId(), event.type(), event.orderId(), json.write(event), traceParent);
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    /** Several events in one statement; those the consumer has already (redeliveries) are left as they are. */
    void storeAll(String consumer, List<Arrival> arrivals) {
        jdbc.update(
                "INSERT INTO event_inbox (consumer, event_id, event_type, order_id, payload, trace_parent) VALUES "
                        + MultiRowValues.placeholders(arrivals.size(), 6) + " ON DUPLICATE KEY UPDATE id = id",
                MultiRowValues.values(
                        arrivals,
                        arrival -> Arrays.asList(
                                consumer,
                                arrival.event().eventId(),
                                arrival.event().type(),
                                arrival.event().orderId(),
                                json.write(arrival.event()),
                                arrival.traceParent())));
    }

    void ensureLockRow(String consumer) {
        jdbc.update("INSERT IGNORE INTO event_inbox_lock (consumer) VALUES (?)", consumer);
    }

    /** Rows whose (next) attempt is due, in arrival order. */
    /** Whether the consumer has a row due, in one statement outside any transaction (the idle job's probe). */
    boolean anyDue(String consumer) {
        return !jdbc.queryForList("""
                SELECT 1 FROM event_inbox
                WHERE consumer = ? AND status = 'RECEIVED' AND next_attempt_at <= NOW(3) LIMIT 1
                """, Integer.class, consumer).isEmpty();
    }

    List<Row> due(String consumer, int limit) {
        return jdbc.query("""
                SELECT id, event_id, order_id, payload, attempts, trace_parent FROM event_inbox
                WHERE consumer = ? AND status = 'RECEIVED' AND next_attempt_at <= NOW(3)
                ORDER BY id LIMIT ?""", ROW, consumer, limit);
    }

    /**
     * Orders held by one of their rows: DEAD, or waiting for a retry. @return order id -> id of its first holding
     * row; the order's later rows wait
     */
    Map<Long, Long> heldOrders(String consumer, Collection<Long> orders) {
        Map<Long, Long> held = new HashMap<>();
        new NamedParameterJdbcTemplate(jdbc)
                .query("""
                SELECT order_id, MIN(id) AS first_id FROM event_inbox
                WHERE consumer = :consumer AND order_id IN (:orders)
                  AND (status = 'DEAD' OR (status = 'RECEIVED' AND next_attempt_at > NOW(3)))
                GROUP BY order_id
                """, new MapSqlParameterSource("consumer", consumer).addValue("orders", orders), rs -> {
                    held.put(rs.getLong("order_id"), rs.getLong("first_id"));
                });
        return held;
    }

    /** In the transaction that applied the row. */
    void done(Collection<Long> ids) {
        new NamedParameterJdbcTemplate(jdbc).update("""
                UPDATE event_inbox SET status = 'DONE', done_at = NOW(3), last_error = NULL
                WHERE id IN (:ids)""", new MapSqlParameterSource("ids", ids));
    }

    void retryLater(long id, int attempts, long waitMillis, String error) {
        jdbc.update("""
                UPDATE event_inbox SET attempts = ?, last_error = ?,
                       next_attempt_at = TIMESTAMPADD(MICROSECOND, ?, NOW(3))
                WHERE id = ? AND status = 'RECEIVED'""", attempts, error, waitMillis * 1000, id);
    }

    void dead(long id, int attempts, String error) {
        jdbc.update("""
                UPDATE event_inbox SET status = 'DEAD', attempts = ?, last_error = ?
                WHERE id = ? AND status = 'RECEIVED'""", attempts, error, id);
    }
}
