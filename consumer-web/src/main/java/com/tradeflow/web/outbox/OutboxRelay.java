package com.tradeflow.web.outbox;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.jobs.LockRows;
import com.tradeflow.platform.jobs.PollingJob;
import com.tradeflow.platform.jobs.RetrySchedule;
import com.tradeflow.web.events.EventSender;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.seata.core.exception.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox to the broker, database by database, in write order, each row to its topic (order events,
 * wallet events). "Order" below stands for the row's aggregate: an order, or a top-up.
 * <ul>
 * <li>One relay per database at a time: a pass holds the database's {@code outbox_relay_lock} row
 * ({@code FOR UPDATE SKIP LOCKED}); another consumer-web instance skips that database meanwhile. No row is sent by
 * two relays at once, and an order's events leave in order.</li>
 * <li>Never the event of an open or rolled-back global transaction: XA rows are invisible until their commit, TCC
 * rows are written by the confirm, and an AT row (committed locally in phase one) is sent only once the
 * coordinator holds no global lock on it any more and the row is still there after that answer. AT holds that
 * lock from before the local commit until phase two is over, and a rollback deletes the row before releasing it:
 * visible after being found unlocked means committed ({@link OutboxLocks}).</li>
 * <li>An order whose earlier event is not sent yet (waiting for a retry, DEAD, still locked, a transactional
 * message not committed yet) sends nothing later.</li>
 * <li>A pass's due rows go in one request per queue (an aggregate's rows stay in one request, in order); a request
 * the broker refuses is retried row by row, so only the rows it will not take are refused.</li>
 * <li>SENT only after the broker acknowledged. A send the broker refused uses one of the row's attempts and the
 * row waits exponentially growing intervals with jitter (capped); after the last attempt it is DEAD. A broker that
 * cannot be reached at all pauses the whole relay on the same schedule without using up attempts: an outage must
 * not kill events (they all go out once it is over). A crash between send and mark sends the row again: consumers
 * deduplicate by event id.</li>
 * </ul>
 */
@Component
class OutboxRelay implements SmartLifecycle {

    /** Test-only: hold the relay after a pass's sends, before their rows are marked SENT (to kill it there). */
    static final String FAULT_HOLD_AFTER_SEND = "outbox.relay.after-send";

    /** The one row of outbox_relay_lock (see its migration). */
    private static final int RELAY_LOCK_ROW = 1;
    /** Far more than a relay lags behind under any load here; 10,000 ids are about a megabyte. */
    private static final int COMMITTED_HERE_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final RowMapper<Candidate> CANDIDATE = (rs, i) -> new Candidate(
            rs.getLong("seq"),
            rs.getString("event_id"),
            rs.getString("topic"),
            rs.getLong("aggregate_id"),
            rs.getString("event_type"),
            rs.getString("payload"),
            rs.getInt("attempts"),
            rs.getString("xid"),
            rs.getString("branch_type"),
            rs.getString("trace_parent"));

    private final List<DataSource> databases;
    private final OutboxLocks locks;
    private final EventSender sender;
    private final OutboxProperties properties;
    private final FaultSwitches faults;
    private final RetrySchedule retries;
    private final PollingJob job;
    private volatile boolean coordinatorWarned;
    /**
     * Events whose global transaction this instance saw commit: sent without asking the coordinator. Bounded, since
     * the rows another instance's relay sends (or a non-AT row) are never taken out here.
     */
    private final Set<String> committedHere =
            Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > COMMITTED_HERE_LIMIT;
                }
            }));
    /** Passes in a row that found the broker unreachable, and until when the relay rests because of them. */
    private int outagePasses;

    private long pausedUntilNanos;

    OutboxRelay(
            BranchTypeRoutingDataSource dataSource,
            OutboxLocks locks,
            EventSender sender,
            OutboxProperties properties,
            FaultSwitches faults) {
        this.databases = dataSource.physicalPools();
        this.locks = locks;
        this.sender = sender;
        this.properties = properties;
        this.faults = faults;
        this.retries = new RetrySchedule(
                properties.maxAttempts(),
                properties.initialBackoff(),
                properties.backoffMultiplier(),
                properties.backoffJitter(),
                properties.maxBackoff());
        this.job = new PollingJob("outbox-relay", properties.pollInterval(), properties.idlePollInterval(), this::pass);
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            log.info("outbox relay disabled in this instance (tradeflow.outbox.relay-enabled=false)");
            return;
        }
        job.start();
        log.info(
                "outbox relay polls {} database(s) every {} while they have rows to send, every {} at most when "
                        + "idle",
                databases.size(),
                properties.pollInterval(),
                properties.idlePollInterval());
    }

    /** A row was committed in this instance: send it now rather than after an idle pause. */
    public void wake() {
        job.wake();
    }

    /**
     * These events' global transaction committed (this instance ran its commit): their rows, AT ones included,
     * can go without a question to the coordinator about their locks.
     */
    public void committed(List<String> eventIds) {
        committedHere.addAll(eventIds);
    }

    /** @return whether any database had rows to send (sent or left for later) */
    private boolean pass() {
        if (outagePasses > 0 && System.nanoTime() < pausedUntilNanos) {
            return true;
        }
        boolean found = false;
        for (int shard = 0; shard < databases.size(); shard++) {
            try {
                found |= relay(shard);
            } catch (EventSender.SendFailed unreachable) {
                brokerUnreachable(unreachable);
                return true;
            } catch (RuntimeException | SQLException e) {
                log.warn(
                        "outbox relay, database {}: pass failed, next one in {}: {}",
                        shard,
                        properties.pollInterval(),
                        e.toString());
                found = true;
            }
        }
        if (outagePasses > 0) {
            log.info("outbox relay: the broker is reachable again after {} paused pass(es)", outagePasses);
            outagePasses = 0;
        }
        return found;
    }

    private void brokerUnreachable(EventSender.SendFailed e) {
        outagePasses++;
        long pauseMillis = retries.pause(outagePasses);
        pausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
        if (outagePasses == 1) {
            log.warn(
                    "outbox relay: RocketMQ unreachable ({}); pausing, retries with growing intervals, no event "
                            + "loses an attempt meanwhile",
                    e.getMessage());
        } else {
            log.debug("outbox relay: RocketMQ still unreachable, pause {} ms", pauseMillis);
        }
    }

    /**
     * One pass over one database. @return whether it had rows to send (true as well when another instance holds
     * the database: it is busy)
     */
    boolean relay(int shard) throws SQLException {
        DataSource db = databases.get(shard);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // one plain read when there is nothing to do, instead of the lock's transaction and its two reads
        if (!anyToSend(jdbc)) {
            return false;
        }
        return LockRows.whileHolding(
                        db,
                        "SELECT id FROM outbox_relay_lock WHERE id = ? FOR UPDATE SKIP LOCKED",
                        RELAY_LOCK_ROW,
                        () -> send(shard, jdbc) >= 0)
                .orElse(true);
    }

    private boolean anyToSend(JdbcTemplate jdbc) {
        return !jdbc.queryForList(
                        """
                SELECT 1 FROM outbox_events
                WHERE status = 'PENDING' AND next_attempt_at <= NOW(3)
                   OR status = 'TRANSACTIONAL' AND created_at < TIMESTAMPADD(MICROSECOND, ?, NOW(3))
                LIMIT 1""", Integer.class, -properties.transactionalTakeover().toMillis() * 1000)
                .isEmpty();
    }

    /** @return the number of rows sent */
    private int send(int shard, JdbcTemplate jdbc) {
        takeOverStaleTransactionalRows(shard, jdbc);
        // due rows only: rows waiting for their retry must not fill the batch and starve the rest
        List<Candidate> batch = jdbc.query("""
                SELECT seq, event_id, topic, aggregate_id, event_type, payload, attempts, xid, branch_type, trace_parent
                FROM outbox_events WHERE status = 'PENDING' AND next_attempt_at <= NOW(3)
                ORDER BY seq LIMIT ?""", CANDIDATE, properties.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Long, Long> heldFrom = heldOrders(jdbc, batch);
        Set<String> notCommitted = uncommittedAtRows(shard, jdbc, batch);
        Set<Long> blocked = new HashSet<>();
        List<Candidate> due = new ArrayList<>();
        for (Candidate row : batch) {
            Long from = heldFrom.get(row.aggregateId());
            if (blocked.contains(row.aggregateId()) || (from != null && from < row.seq())) {
                continue;
            }
            if (notCommitted.contains(row.eventId())) {
                blocked.add(row.aggregateId());
                continue;
            }
            due.add(row);
        }
        if (due.isEmpty()) {
            return 0;
        }
        // one request per queue; what it could not send together goes one by one, in order, to find the refused
        Set<String> oneByOne = sender
                .sendBatched(due.stream().map(Candidate::outgoing).toList())
                .stream()
                .map(EventSender.Outgoing::eventId)
                .collect(Collectors.toSet());
        List<String> sent = new ArrayList<>();
        for (Candidate row : due) {
            if (!oneByOne.contains(row.eventId())) {
                sent.add(row.eventId());
                continue;
            }
            if (blocked.contains(row.aggregateId())) {
                continue;
            }
            try {
                sender.send(row.outgoing());
            } catch (EventSender.SendFailed e) {
                if (e.unreachable()) {
                    // nothing else would get through either: the pass ends, the relay pauses
                    throw e;
                }
                refused(jdbc, row, e);
                blocked.add(row.aggregateId());
                continue;
            }
            sent.add(row.eventId());
        }
        if (!sent.isEmpty()) {
            faults.holdWhileArmed(FAULT_HOLD_AFTER_SEND);
            // one statement for the batch: a relay that dies before it sends these again (consumers deduplicate)
            new NamedParameterJdbcTemplate(jdbc).update("""
                    UPDATE outbox_events SET status = 'SENT', attempts = attempts + 1, sent_at = NOW(3),
                           last_error = NULL
                    WHERE event_id IN (:ids) AND status = 'PENDING'""", new MapSqlParameterSource("ids", sent));
            log.debug("outbox relay, database {}: {} event(s) sent", shard, sent.size());
        }
        return sent.size();
    }

    private void refused(JdbcTemplate jdbc, Candidate row, EventSender.SendFailed e) {
        int attempts = row.attempts() + 1;
        String error = RetrySchedule.errorText(e);
        OptionalLong wait = retries.retryAfter(attempts);
        if (wait.isEmpty()) {
            jdbc.update("""
                    UPDATE outbox_events SET status = 'DEAD', attempts = ?, last_error = ?
                    WHERE event_id = ? AND status = 'PENDING'""", attempts, error, row.eventId());
            log.error(
                    "outbox event {} ({} of {}) is DEAD after {} refused sends: {}; re-queue it through "
                            + "the admin API once the cause is fixed",
                    row.eventId(),
                    row.eventType(),
                    row.aggregateId(),
                    attempts,
                    error);
            return;
        }
        jdbc.update("""
                UPDATE outbox_events SET attempts = ?, last_error = ?,
                       next_attempt_at = TIMESTAMPADD(MICROSECOND, ?, NOW(3))
                WHERE event_id = ? AND status = 'PENDING'""", attempts, error, wait.getAsLong() * 1000, row.eventId());
        log.warn(
                "outbox event {} ({} of {}): send {} of {} refused, next in {} ms: {}",
                row.eventId(),
                row.eventType(),
                row.aggregateId(),
                attempts,
                retries.maxAttempts(),
                wait.getAsLong(),
                error);
    }

    /**
     * Rows of the transactional-message publisher that are still TRANSACTIONAL long after they were written: the
     * broker lost or gave up its half message (it asks the check-back a bounded number of times). The relay sends
     * them like any pending row (still only once committed); consumers deduplicate if the broker had it after all.
     */
    private void takeOverStaleTransactionalRows(int shard, JdbcTemplate jdbc) {
        // a plain read, then updates by primary key: a range UPDATE would lock the index range every pass and
        // block the inserts of purchases
        List<Candidate> stale = jdbc.query(
                """
                SELECT seq, event_id, topic, aggregate_id, event_type, payload, attempts, xid, branch_type, trace_parent
                FROM outbox_events
                WHERE status = 'TRANSACTIONAL' AND created_at < TIMESTAMPADD(MICROSECOND, ?, NOW(3))
                ORDER BY seq LIMIT ?
                """, CANDIDATE, -properties.transactionalTakeover().toMillis() * 1000, properties.batchSize());
        if (stale.isEmpty()) {
            return;
        }
        // the update is a plain write: on a row an AT rollback may still restore it would break that rollback
        Set<String> notCommitted = uncommittedAtRows(shard, jdbc, stale);
        int taken = 0;
        for (String eventId : stale.stream()
                .map(Candidate::eventId)
                .filter(e -> !notCommitted.contains(e))
                .toList()) {
            taken += jdbc.update(
                    "UPDATE outbox_events SET status = 'PENDING' WHERE event_id = ? AND status = ?",
                    eventId,
                    OutboxStatus.TRANSACTIONAL.name());
        }
        if (taken > 0) {
            log.warn(
                    "outbox relay, database {}: {} transactional event(s) unresolved by the broker after {}; the "
                            + "relay sends them",
                    shard,
                    taken,
                    properties.transactionalTakeover());
        }
    }

    /**
     * Orders of the batch held by one of their events outside the batch: DEAD (waits for an operator), TRANSACTIONAL
     * (a half message the broker has not committed yet, from an instance with the other publisher), PENDING until a
     * retry is due, or any unsent row the batch's read did not see (each read is a snapshot of its own: a DEAD row
     * re-queued between the two reads is PENDING and due here, yet not in the batch; the order's later rows must
     * wait for the pass that sends it). @return order id -> seq of its first holding event; the order's events after
     * it wait
     */
    static Map<Long, Long> heldOrders(JdbcTemplate jdbc, List<Candidate> batch) {
        Set<Long> orders = batch.stream().map(Candidate::aggregateId).collect(Collectors.toSet());
        List<String> inBatch = batch.stream().map(Candidate::eventId).toList();
        Map<Long, Long> held = new HashMap<>();
        new NamedParameterJdbcTemplate(jdbc)
                .query("""
                SELECT aggregate_id, MIN(seq) AS first_seq FROM outbox_events
                WHERE aggregate_id IN (:orders) AND status <> 'SENT' AND event_id NOT IN (:batch)
                GROUP BY aggregate_id""", new MapSqlParameterSource("orders", orders).addValue("batch", inBatch), rs -> {
                    held.put(rs.getLong("aggregate_id"), rs.getLong("first_seq"));
                });
        return held;
    }

    /**
     * AT rows among these that must not be sent: still locked by their global transaction (open, or rolling
     * back), or gone once the lock was free (rolled back between our read and the coordinator's answer).
     * Coordinator unreachable: every AT row waits. Rows of transactions this instance saw commit are not asked
     * about (under load, nearly all of them).
     */
    private Set<String> uncommittedAtRows(int shard, JdbcTemplate jdbc, List<Candidate> rows) {
        List<String> atRows = rows.stream()
                .filter(Candidate::writtenByAt)
                .map(Candidate::eventId)
                .filter(eventId -> !committedHere.remove(eventId))
                .toList();
        if (atRows.isEmpty()) {
            return Set.of();
        }
        Set<String> uncommitted;
        try {
            uncommitted = new HashSet<>(locks.held(shard, atRows));
            coordinatorWarned = false;
        } catch (TransactionException | RuntimeException e) {
            if (!coordinatorWarned) {
                coordinatorWarned = true;
                log.warn(
                        "outbox relay: cannot ask the coordinator about global locks ({}); events written by AT "
                                + "transactions wait until it answers",
                        e.toString());
            }
            return new HashSet<>(atRows);
        }
        List<String> free =
                atRows.stream().filter(e -> !uncommitted.contains(e)).toList();
        if (!free.isEmpty()) {
            Set<String> stillThere = new HashSet<>(new NamedParameterJdbcTemplate(jdbc)
                    .queryForList(
                            "SELECT event_id FROM outbox_events WHERE event_id IN (:ids)",
                            new MapSqlParameterSource("ids", free),
                            String.class));
            free.stream().filter(e -> !stillThere.contains(e)).forEach(gone -> {
                log.info("outbox event {} was rolled back while the relay looked at it; not sent", gone);
                uncommitted.add(gone);
            });
        }
        return uncommitted;
    }

    @Override
    public void stop() {
        job.stop();
    }

    @Override
    public boolean isRunning() {
        return job.isRunning();
    }

    /** A PENDING row as the relay reads it. */
    record Candidate(
            long seq,
            String eventId,
            String topic,
            long aggregateId,
            String eventType,
            String payload,
            int attempts,
            String xid,
            String branchType,
            String traceParent) {

        boolean writtenByAt() {
            return "AT".equals(branchType) && xid != null;
        }

        EventSender.Outgoing outgoing() {
            return new EventSender.Outgoing(topic, eventId, aggregateId, eventType, payload, traceParent);
        }
    }
}
