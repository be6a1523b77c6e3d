package com.tradeflow.web.outbox;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.FlashSaleTicketEvent;
import com.tradeflow.api.event.IntegrationEvent;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.events.EventJson;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.platform.transaction.BranchTypes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.seata.core.context.RootContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Writes events into the outbox through the service's (sharded) data source, so the row joins the caller's
 * local transaction in the user's database: under AT it is undone with the order change, under XA it is
 * prepared with it, in a TCC confirm it commits with the confirm.
 */
@Repository
public class OutboxRepository {

    private static final Logger log = LoggerFactory.getLogger(OutboxRepository.class);

    private final JdbcTemplate jdbc;
    private final List<DataSource> physicalPools;
    private final EventJson json;
    private final boolean eventsEnabled;
    private final MessageTraces traces;
    /** Looked up once (the relay needs this repository, hence not a constructor argument): not at every commit. */
    private final SingletonSupplier<OutboxRelay> relay;

    /** @param eventsEnabled false: no event is written (benchmarks measure what events cost with it) */
    OutboxRepository(
            JdbcTemplate jdbc,
            BranchTypeRoutingDataSource dataSource,
            EventJson json,
            @Value("${tradeflow.events.enabled:true}") boolean eventsEnabled,
            ObjectProvider<OutboxRelay> relay,
            MessageTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.relay = SingletonSupplier.of(relay::getIfAvailable);
        this.physicalPools = dataSource.physicalPools();
        this.json = json;
        this.eventsEnabled = eventsEnabled;
        if (!eventsEnabled) {
            log.warn("order events are OFF (tradeflow.events.enabled=false): no outbox row is written, subscribers "
                    + "will not see the order changes of this instance");
        }
    }

    public boolean eventsEnabled() {
        return eventsEnabled;
    }

    private static final RowMapper<OutboxEvent> ROW = (rs, i) -> new OutboxEvent(
            rs.getString("event_id"),
            rs.getLong("seq"),
            rs.getString("topic"),
            rs.getLong("aggregate_id"),
            rs.getLong("user_id"),
            rs.getString("event_type"),
            rs.getString("payload"),
            OutboxStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"),
            instant(rs.getTimestamp("next_attempt_at")),
            rs.getString("last_error"),
            rs.getString("xid"),
            rs.getString("branch_type"),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("sent_at")));

    /**
     * An order event, in the caller's transaction; remembers which global transaction (and branch type) wrote the
     * row, and the trace of the current request. Nothing when order events are switched off.
     */
    public void append(OrderEvent event, OutboxStatus status) {
        append(event, status, traces.current());
    }

    /**
     * The same, in the trace {@code traceParent} (a TCC confirm, run by the coordinator outside the request,
     * continues the order's own trace); null: none.
     */
    public void append(OrderEvent event, OutboxStatus status, String traceParent) {
        if (eventsEnabled) {
            insert(jdbc, EventTopics.ORDER_EVENTS, event, status, traceParent);
        }
    }

    /**
     * A wallet event, PENDING, in the caller's local transaction (the relay sends it once that committed). Written
     * whatever the order-events switch says: a top-up's credit depends on it.
     */
    public void append(TopUpEvent event) {
        insert(jdbc, EventTopics.WALLET_EVENTS, event, OutboxStatus.PENDING, traces.current());
    }

    /**
     * A flash-sale ticket's event, PENDING, in the caller's local transaction on the flash sales' own database (its
     * physical pool, not the sharded data source: the row sits with the ticket, whoever the user is). The relay
     * sends every database's rows, so it finds it there.
     */
    public void append(FlashSaleTicketEvent event, JdbcTemplate flashSaleDatabase) {
        insert(flashSaleDatabase, EventTopics.FLASH_SALE_TICKETS, event, OutboxStatus.PENDING, traces.current());
    }

    private void insert(
            JdbcTemplate database, String topic, IntegrationEvent event, OutboxStatus status, String traceParent) {
        database.update(
                """
                INSERT INTO outbox_events (event_id, topic, aggregate_id, user_id, event_type, payload, status, xid,
                                           branch_type, trace_parent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.eventId(),
                topic,
                event.aggregateId(),
                event.userId(),
                event.type(),
                json.write(event),
                status.name(),
                RootContext.getXID(),
                BranchTypes.current().map(Enum::name).orElse(null),
                traceParent);
        if (status == OutboxStatus.PENDING) {
            wakeRelayOnCommit();
        }
    }

    /** The relay idles between empty passes; a row this instance wrote is sent as soon as it is committed. */
    private void wakeRelayOnCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeRelay();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay();
            }
        });
    }

    private void wakeRelay() {
        OutboxRelay known = relay.get();
        if (known != null) {
            known.wake();
        }
    }

    /** True when every event the order has so far is with the broker (SENT). */
    public boolean allSent(long orderId, long userId) {
        Integer unsent = jdbc.queryForObject("""
                SELECT COUNT(*) FROM outbox_events WHERE aggregate_id = ? AND user_id = ? AND status <> 'SENT'
                """, Integer.class, orderId, userId);
        return unsent == null || unsent == 0;
    }

    /** The events of one order (or top-up) of the user, in write order. */
    public List<OutboxEvent> findByAggregate(long aggregateId, long userId) {
        return jdbc.query(
                "SELECT * FROM outbox_events WHERE aggregate_id = ? AND user_id = ? ORDER BY seq",
                ROW,
                aggregateId,
                userId);
    }

    /** Rows in that status from every database, newest first. */
    List<OutboxEvent> findByStatus(OutboxStatus status, int limit) {
        return jdbc.query(
                "SELECT * FROM outbox_events WHERE status = ? ORDER BY created_at DESC, seq DESC LIMIT ?",
                ROW,
                status.name(),
                limit);
    }

    /** Rows not sent (yet), by status, over every database (each status present; 0 when none). */
    Map<OutboxStatus, Long> countUnsent() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.TRANSACTIONAL, OutboxStatus.DEAD)) {
            counts.put(status, 0L);
        }
        jdbc.query(
                "SELECT status, COUNT(*) AS n FROM outbox_events WHERE status IN (?, ?, ?) GROUP BY status",
                rs -> {
                    counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                },
                OutboxStatus.PENDING.name(),
                OutboxStatus.TRANSACTIONAL.name(),
                OutboxStatus.DEAD.name());
        return counts;
    }

    public Optional<OutboxEvent> find(String eventId) {
        return jdbc.query("SELECT * FROM outbox_events WHERE event_id = ?", ROW, eventId).stream()
                .findFirst();
    }

    /**
     * The broker has the event (a committed transactional message): TRANSACTIONAL -> SENT. Names the user, so it
     * goes to the one database of the row: an update by event id alone went to every database and took gap locks
     * where the row is not, deadlocking with concurrent inserts of purchases.
     */
    public void markSent(String eventId, long userId) {
        jdbc.update("""
                UPDATE outbox_events SET status = 'SENT', sent_at = NOW(3)
                WHERE event_id = ? AND user_id = ? AND status = ?
                """, eventId, userId, OutboxStatus.TRANSACTIONAL.name());
    }

    /**
     * DEAD -> PENDING with a fresh attempt budget, due now, in whichever database holds the row (a flash-sale row
     * is not in its user's). @return false when the row is not DEAD
     */
    boolean requeue(OutboxEvent dead) {
        for (DataSource pool : physicalPools) {
            JdbcTemplate database = new JdbcTemplate(pool);
            Integer here = database.queryForObject(
                    "SELECT COUNT(*) FROM outbox_events WHERE event_id = ?", Integer.class, dead.eventId());
            if (here != null && here > 0) {
                return database.update("""
                        UPDATE outbox_events SET status = 'PENDING', attempts = 0, next_attempt_at = NOW(3)
                        WHERE event_id = ? AND status = 'DEAD'""", dead.eventId()) == 1;
            }
        }
        return false;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
