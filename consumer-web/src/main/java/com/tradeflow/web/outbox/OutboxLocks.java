package com.tradeflow.web.outbox;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.transaction.AtLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.seata.core.exception.TransactionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The AT global locks on outbox rows, as the coordinator reports them. An AT transaction holds the lock of its
 * row from before the local commit until phase two is over, and a rollback deletes the row before releasing it:
 * a row that is still there after its lock was found free belongs to a committed transaction. Callers therefore
 * read the row again after asking.
 */
@Component
public class OutboxLocks {

    private static final String TABLE = "outbox_events";
    static final String QUERIES_METER = "tradeflow.outbox.lock.queries";

    /** The coordinator's answer for some rows of one database. */
    @FunctionalInterface
    interface LockQuery {
        /** @param lockKeys Seata's form, {@code table:pk1,pk2} @return true when none of them is locked */
        boolean free(String resourceId, String lockKeys) throws TransactionException;
    }

    private final List<String> atResourceIds;
    private final LockQuery coordinator;
    private final Counter queries;

    @Autowired
    OutboxLocks(BranchTypeRoutingDataSource dataSource, MeterRegistry registry) {
        this(dataSource.atResourceIds(), (resourceId, lockKeys) -> AtLocks.free(resourceId, null, lockKeys), registry);
    }

    OutboxLocks(List<String> atResourceIds, LockQuery coordinator, MeterRegistry registry) {
        this.atResourceIds = atResourceIds;
        this.coordinator = coordinator;
        this.queries = Counter.builder(QUERIES_METER)
                .description("questions to the coordinator about the AT locks of outbox rows")
                .register(registry);
    }

    /**
     * @param database index of the physical order database the rows are in
     * @return the event ids whose rows another global transaction still locks. One question to the coordinator
     *         for all of them; when something is locked, each half is asked again, down to single rows: the few
     *         rows of transactions still going on cost a few questions each, not one per row of the batch
     * @throws TransactionException the coordinator did not answer
     */
    Set<String> held(int database, List<String> eventIds) throws TransactionException {
        Set<String> held = new HashSet<>();
        collectHeld(atResourceIds.get(database), eventIds, false, held);
        return held;
    }

    /**
     * @param locked known to hold a locked row already (its other half was found free): not asked again
     * @return whether any of them is locked
     */
    private boolean collectHeld(String resourceId, List<String> eventIds, boolean locked, Set<String> held)
            throws TransactionException {
        if (eventIds.isEmpty()) {
            return false;
        }
        if (!locked) {
            queries.increment();
            if (coordinator.free(resourceId, TABLE + ":" + String.join(",", eventIds))) {
                return false;
            }
        }
        if (eventIds.size() == 1) {
            held.add(eventIds.get(0));
            return true;
        }
        int half = eventIds.size() / 2;
        boolean first = collectHeld(resourceId, eventIds.subList(0, half), false, held);
        collectHeld(resourceId, eventIds.subList(half, eventIds.size()), !first, held);
        return true;
    }

    /** Whether the row of this user's event is still locked. @throws TransactionException no answer */
    public boolean held(long userId, String eventId) throws TransactionException {
        return !held(Math.floorMod(userId, atResourceIds.size()), List.of(eventId))
                .isEmpty();
    }
}
