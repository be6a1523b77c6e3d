package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.jobs.LockRows;
import com.tradeflow.platform.jobs.PollingJob;
import com.tradeflow.platform.jobs.RetrySchedule;
import com.tradeflow.platform.tracing.MessageTraces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one consumer's inbox: rows in arrival order, with their dedupe records and DONE marks ({@link EventApplier}),
 * the rows a pass finds due all in one local transaction; when that fails, each in its own. A failure uses one of the row's attempts and the row waits growing
 * intervals with jitter; after the last attempt it is DEAD, and the order's later rows wait with it (as they
 * do behind a row waiting for its retry). One instance at a time applies a consumer's inbox (its lock row).
 * Each row's application is a span continuing its delivery's trace (stored with the row).
 */
final class InboxProcessor implements SmartLifecycle {

    /** Test-only: each row takes {@link #SLOW_FAULT_DELAY} longer to apply (a slow handler). */
    static final String FAULT_SLOW = "events.inbox.slow";

    static final Duration SLOW_FAULT_DELAY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

    private final String consumer;
    private final DataSource database;
    private final EventInbox inbox;
    private final EventApplier applier;
    private final TransactionTemplate transactions;
    private final EventJson json;
    private final EventsProperties.Inbox properties;
    private final FaultSwitches faults;
    private final MessageTraces traces;
    private final RetrySchedule retries;
    private final PollingJob job;

    InboxProcessor(
            String consumer,
            DataSource database,
            EventInbox inbox,
            EventApplier applier,
            TransactionTemplate transactions,
            EventJson json,
            EventsProperties.Inbox properties,
            FaultSwitches faults,
            MessageTraces traces) {
        this.consumer = consumer;
        this.database = database;
        this.inbox = inbox;
        this.applier = applier;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.faults = faults;
        this.traces = traces;
        this.retries = new RetrySchedule(
                properties.maxAttempts(),
                properties.initialBackoff(),
                properties.backoffMultiplier(),
                properties.backoffJitter(),
                properties.maxBackoff());
        this.job = new PollingJob(
                "inbox-" + consumer, properties.pollInterval(), properties.idlePollInterval(), this::pass);
    }

    @Override
    public void start() {
        inbox.ensureLockRow(consumer);
        job.start();
        log.info(
                "{}: inbox applied every {} while it has rows, every {} at most when idle",
                consumer,
                properties.pollInterval(),
                properties.idlePollInterval());
    }

    /** A row was stored for this consumer: apply it now rather than after an idle pause. */
    void wake() {
        job.wake();
    }

    /** @return whether rows were due (applied or not) */
    private boolean pass() {
        try {
            // one cheap statement when idle, instead of the lock's transaction
            return inbox.anyDue(consumer)
                    && LockRows.whileHolding(
                                    database,
                                    "SELECT consumer FROM event_inbox_lock WHERE consumer = ? FOR UPDATE SKIP LOCKED",
                                    consumer,
                                    this::applyDue)
                            .orElse(true);
        } catch (SQLException | RuntimeException e) {
            log.warn("{}: inbox pass failed, next one in {}: {}", consumer, properties.pollInterval(), e.toString());
            return true;
        }
    }

    /** One pass's work, run while holding the consumer's lock row. @return whether rows were due */
    boolean applyDue() {
        List<EventInbox.Row> batch = inbox.due(consumer, properties.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        Map<Long, Long> heldFrom = inbox.heldOrders(
                consumer, batch.stream().map(EventInbox.Row::orderId).distinct().toList());
        List<EventInbox.Row> ready = batch.stream()
                .filter(row -> {
                    Long from = heldFrom.get(row.orderId());
                    return from == null || from > row.id();
                })
                .toList();
        int applied = ready.size() > 1 && applyTogether(ready) ? ready.size() : applyOneByOne(ready);
        log.debug("{}: {} of {} inbox row(s) applied", consumer, applied, batch.size());
        return true;
    }

    /**
     * All rows in one transaction: one commit (and its log flush) instead of one per row. @return false when any
     * failed: then none is applied, and they go one by one
     */
    private boolean applyTogether(List<EventInbox.Row> rows) {
        List<Span> spans = rows.stream().map(this::span).toList();
        try (Tracer.SpanInScope scope = traces.inScope(spans.get(0))) {
            transactions.executeWithoutResult(status -> {
                // their dedupe records in one statement, their effects in one call of the handler
                applier.applyAll(rows.stream().map(this::eventOf).toList());
                inbox.done(rows.stream().map(EventInbox.Row::id).toList());
            });
            return true;
        } catch (RuntimeException e) {
            spans.forEach(span -> span.tag("tradeflow.batch", "failed, applied one by one"));
            log.debug(
                    "{}: {} inbox rows failed together ({}), applied one by one", consumer, rows.size(), e.toString());
            return false;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Span span(EventInbox.Row row) {
        return traces.continuing("apply " + consumer, row.traceParent());
    }

    /** Each row in its own transaction: a failing one waits for its retry, and its order's later rows with it. */
    private int applyOneByOne(List<EventInbox.Row> rows) {
        Set<Long> blocked = new HashSet<>();
        int applied = 0;
        for (EventInbox.Row row : rows) {
            if (blocked.contains(row.orderId())) {
                continue;
            }
            Span span = span(row);
            try (Tracer.SpanInScope scope = traces.inScope(span)) {
                transactions.executeWithoutResult(status -> {
                    applyRow(row);
                    inbox.done(List.of(row.id()));
                });
                applied++;
            } catch (RuntimeException e) {
                span.error(e);
                failed(row, e);
                blocked.add(row.orderId());
            } finally {
                span.end();
            }
        }
        return applied;
    }

    private void applyRow(EventInbox.Row row) {
        applier.apply(eventOf(row));
    }

    private OrderEvent eventOf(EventInbox.Row row) {
        faults.delayIfArmed(FAULT_SLOW, SLOW_FAULT_DELAY);
        return json.read(row.payload().getBytes(StandardCharsets.UTF_8));
    }

    private void failed(EventInbox.Row row, RuntimeException e) {
        int attempts = row.attempts() + 1;
        String error = RetrySchedule.errorText(e);
        OptionalLong wait = retries.retryAfter(attempts);
        if (wait.isEmpty()) {
            inbox.dead(row.id(), attempts, error);
            log.error(
                    "{}: inbox row {} (event {} of order {}) is DEAD after {} attempts, the order's later events "
                            + "wait: {}",
                    consumer,
                    row.id(),
                    row.eventId(),
                    row.orderId(),
                    attempts,
                    error);
            return;
        }
        inbox.retryLater(row.id(), attempts, wait.getAsLong(), error);
        log.warn(
                "{}: inbox row {} (event {} of order {}) failed, attempt {} of {}, next in {} ms: {}",
                consumer,
                row.id(),
                row.eventId(),
                row.orderId(),
                attempts,
                retries.maxAttempts(),
                wait.getAsLong(),
                error);
    }

    @Override
    public void stop() {
        job.stop();
    }

    @Override
    public boolean isRunning() {
        return job.isRunning();
    }
}
