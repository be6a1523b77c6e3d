package com.tradeflow.web.outbox;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.transaction.AtLocks;
import org.apache.seata.core.exception.TransactionException;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The AT global locks on outbox rows, as the coordinator reports them. An AT transaction holds the lock of its
 * row from before the local commit until phase two is over, and a rollback deletes the row before releasing it:
 * a row that is still there after its lock was found free belongs to a committed transaction. Callers therefore
 * read the row again after asking.
 */
@Component
public class OutboxLocks {

    private static final String TABLE = "outbox_events";

    private final List<String> atResourceIds;

    OutboxLocks(BranchTypeRoutingDataSource dataSource) {
        this.atResourceIds = dataSource.atResourceIds();
    }

    /**
     * @param database index of the physical order database the rows are in
     * @return the event ids whose rows another global transaction still locks; one question to the coordinator
     *         for all of them, row by row only when something is locked
     * @throws TransactionException the coordinator did not answer
     */
    Set<String> held(int database, List<String> eventIds) throws TransactionException {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String resourceId = atResourceIds.get(database);
        if (AtLocks.free(resourceId, null, TABLE + ":" + String.join(",", eventIds))) {
            return Set.of();
        }
        Set<String> held = new HashSet<>();
        for (String eventId : eventIds) {
            if (!AtLocks.free(resourceId, null, TABLE + ":" + eventId)) {
                held.add(eventId);
            }
        }
        return held;
    }

    /** Whether the row of this user's event is still locked. @throws TransactionException no answer */
    public boolean held(long userId, String eventId) throws TransactionException {
        return !held(Math.floorMod(userId, atResourceIds.size()), List.of(eventId)).isEmpty();
    }
}
