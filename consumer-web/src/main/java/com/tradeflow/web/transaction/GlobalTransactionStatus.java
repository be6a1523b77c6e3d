package com.tradeflow.web.transaction;

import java.util.Optional;
import java.util.Set;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The final status of a global transaction whose launcher saw it end undecided in phase two (e.g. CommitRetrying:
 * committed, but a participant's confirm still waits for that participant). The coordinator forgets a transaction
 * once phase two is done ("Finished"); the direction it was going in then says how it ended.
 */
@Component
public class GlobalTransactionStatus {

    private static final Logger log = LoggerFactory.getLogger(GlobalTransactionStatus.class);
    private static final Set<GlobalStatus> FINAL = Set.of(
            GlobalStatus.Committed,
            GlobalStatus.Rollbacked,
            GlobalStatus.TimeoutRollbacked,
            GlobalStatus.CommitFailed,
            GlobalStatus.RollbackFailed,
            GlobalStatus.TimeoutRollbackFailed);
    private static final Set<GlobalStatus> COMMITTING =
            Set.of(GlobalStatus.Committing, GlobalStatus.CommitRetrying, GlobalStatus.AsyncCommitting);
    private static final Set<GlobalStatus> ROLLING_BACK = Set.of(
            GlobalStatus.Rollbacking,
            GlobalStatus.RollbackRetrying,
            GlobalStatus.TimeoutRollbacking,
            GlobalStatus.TimeoutRollbackRetrying);

    /**
     * What the coordinator says of the transaction now ({@code Finished} once it forgot it); empty when it cannot be
     * asked.
     */
    public Optional<GlobalStatus> current(String xid) {
        try {
            return Optional.of(GlobalTransactionContext.reload(xid).getStatus());
        } catch (TransactionException | FrameworkException e) {
            // FrameworkException: no connection to any coordinator ("No available service")
            log.warn("cannot ask the coordinator about {}: {}", xid, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * How a transaction ended whose commit its launcher sent and the coordinator never confirmed: Committed once
     * the coordinator reports it committed or committing; for one it has forgotten (Finished), Committed when its
     * writes are still there (a rollback removes them before the coordinator forgets the transaction). Empty while
     * it is not decided for a commit (running, rolling back, gone with its writes) or the coordinator cannot be
     * asked.
     *
     * @param writesThere whether the launcher's own writes of the transaction are there to be read
     */
    public Optional<GlobalStatus> afterUnconfirmedCommit(String xid, boolean writesThere) {
        return current(xid).flatMap(now -> {
            if (now == GlobalStatus.Committed
                    || COMMITTING.contains(now)
                    || (now == GlobalStatus.Finished && writesThere)) {
                return Optional.of(GlobalStatus.Committed);
            }
            return Optional.empty();
        });
    }

    /**
     * @param recorded the status the launcher recorded
     * @return the final status, when the transaction has finished since; empty when it is final already, still
     *         running, or the coordinator cannot be asked
     */
    public Optional<GlobalStatus> finalStatus(String xid, GlobalStatus recorded) {
        if (FINAL.contains(recorded) || !(COMMITTING.contains(recorded) || ROLLING_BACK.contains(recorded))) {
            return Optional.empty();
        }
        Optional<GlobalStatus> asked = current(xid);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        GlobalStatus now = asked.get();
        if (FINAL.contains(now)) {
            return Optional.of(now);
        }
        if (now == GlobalStatus.Finished) {
            return Optional.of(COMMITTING.contains(recorded) ? GlobalStatus.Committed : GlobalStatus.Rollbacked);
        }
        return Optional.empty();
    }
}
