package com.tradeflow.web.transaction;

import com.tradeflow.platform.transaction.BranchTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Launches Seata global transactions in a chosen mode and reports how each ended. Seata's API rather than
 * {@code @GlobalTransactional}: the mode is per request, and the caller needs the XID and the final status of
 * failed transactions too (an order shows the last global transaction that touched it).
 */
@Component
public class GlobalTransactions {

    private static final Logger log = LoggerFactory.getLogger(GlobalTransactions.class);

    /** {@code tradeflow.global.transaction{name,type,phase}}: how long the coordinator takes to begin and end one. */
    static final String METER = "tradeflow.global.transaction";

    private final int timeoutMillis;
    private final GlobalCommit commit;
    private final MeterRegistry meters;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    GlobalTransactions(
            @Value("${tradeflow.orders.transaction-timeout:30s}") Duration timeout,
            GlobalCommit commit,
            MeterRegistry meters) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.commit = commit;
        this.meters = meters;
    }

    /**
     * Runs the work as one global transaction whose branches are all of {@code type}: committed when it returns,
     * rolled back when it throws.
     *
     * @throws CoordinatorUnavailable when the transaction cannot even begin (nothing ran)
     */
    public <T> Outcome<T> run(String name, BranchType type, Supplier<T> work) {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        long began = System.nanoTime();
        try {
            tx.begin(timeoutMillis, name);
        } catch (TransactionException e) {
            throw new CoordinatorUnavailable("cannot begin " + name, e);
        } finally {
            time(name, type, "begin", began);
        }
        String xid = tx.getXid();
        T result;
        try {
            result = BranchTypes.with(type, work);
        } catch (RuntimeException e) {
            rollback(tx, name);
            log.info("{} {} ({}) rolled back: {}", name, xid, type, e.toString());
            return new Outcome<>(xid, tx.getLocalStatus(), null, e);
        }
        long committing = System.nanoTime();
        try {
            commit.commit(tx);
        } catch (RuntimeException e) {
            // nothing committed (e.g. the events could not be prepared): the work is undone
            rollback(tx, name);
            log.warn("{} {} ({}) rolled back before its commit: {}", name, xid, type, e.toString());
            return new Outcome<>(xid, tx.getLocalStatus(), null, e);
        } catch (TransactionException e) {
            // the commit may have reached the coordinator or not: it may commit, or time the transaction out and
            // roll it back; the work's result is kept for an answer that says so
            log.warn("{} {} ({}): commit not confirmed by the coordinator: {}", name, xid, type, e.getMessage());
            return new Outcome<>(xid, tx.getLocalStatus(), result, new CommitUnconfirmed(xid, e));
        } finally {
            time(name, type, "commit", committing);
        }
        GlobalStatus status = tx.getLocalStatus();
        if (!Outcome.isCommit(status)) {
            // e.g. the coordinator timed the transaction out before our commit arrived: it rolls back
            log.warn("{} {} ({}) -> {} instead of committing", name, xid, type, status);
            return new Outcome<>(
                    xid,
                    status,
                    null,
                    new CoordinatorUnavailable(name + " " + xid + " ended " + status + " instead of committing", null));
        }
        // one line per purchase at INFO cost a visible share of the CPU under load; what did not commit logs above
        log.debug("{} {} ({}) -> {}", name, xid, type, status);
        return new Outcome<>(xid, status, result, null);
    }

    private void time(String name, BranchType type, String phase, long startNanos) {
        // registered once per name, type and phase: building the meter's id at every call cost allocations and a
        // registry lookup twice per purchase
        timers.computeIfAbsent(
                        new TimerKey(name, type, phase),
                        key -> Timer.builder(METER)
                                .tag("name", key.name())
                                .tag("type", key.type().name())
                                .tag("phase", key.phase())
                                .register(meters))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private record TimerKey(String name, BranchType type, String phase) {}

    private static void rollback(GlobalTransaction tx, String name) {
        try {
            tx.rollback();
        } catch (TransactionException e) {
            // the coordinator rolls the transaction back itself when it times out
            log.warn("{} {}: rollback not confirmed by the coordinator: {}", name, tx.getXid(), e.getMessage());
        }
    }

    /**
     * How a global transaction ended: its XID, the status the coordinator reported, and the work's result or
     * the failure that rolled it back.
     */
    public record Outcome<T>(String xid, GlobalStatus status, T result, RuntimeException failure) {

        /** The result of work that ran with no global transaction (benchmarks' baseline): no XID, no status. */
        public static <T> Outcome<T> withoutGlobalTransaction(T result) {
            return new Outcome<>(null, null, result, null);
        }

        public boolean committed() {
            return failure == null;
        }

        /**
         * The commit was sent but the coordinator did not confirm it (unreachable, or no answer in time): the
         * transaction may yet commit or roll back. The result is the work's, as it stands if it commits.
         */
        public boolean commitUnconfirmed() {
            return failure instanceof CommitUnconfirmed;
        }

        /**
         * The data is final: committed or rolled back with phase two done (or no global transaction at all, or none
         * begun). False while the coordinator still has phase two to do or retry.
         */
        public boolean decided() {
            return status == null
                    || status == GlobalStatus.Committed
                    || status == GlobalStatus.AsyncCommitting
                    || status == GlobalStatus.Rollbacked
                    || status == GlobalStatus.TimeoutRollbacked;
        }

        public T orThrow() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        /** Committed, or decided to commit with phase two still going on (the coordinator retries it). */
        public static boolean isCommit(GlobalStatus status) {
            return status == GlobalStatus.Committed
                    || status == GlobalStatus.Committing
                    || status == GlobalStatus.CommitRetrying
                    || status == GlobalStatus.AsyncCommitting;
        }
    }

    /** The transaction coordinator could not be reached or did not commit: the caller may try again later. */
    public static class CoordinatorUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CoordinatorUnavailable(String message, TransactionException cause) {
            super(message, cause);
        }
    }

    /** The commit of the transaction was sent, and the coordinator did not confirm it: the outcome is unknown. */
    public static final class CommitUnconfirmed extends CoordinatorUnavailable {
        private static final long serialVersionUID = 1L;

        CommitUnconfirmed(String xid, TransactionException cause) {
            super("commit of " + xid + " not confirmed by the coordinator", cause);
        }
    }
}
