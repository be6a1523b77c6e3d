package com.tradeflow.platform.transaction;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.util.List;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextUtil;

/**
 * Keeps TCC and XA writes off rows that an unfinished AT global transaction has changed. AT commits each branch
 * locally in phase one and protects its rows only with the coordinator's global locks, which only AT writers
 * check: a TCC or XA write to such a row made the AT rollback find "dirty" data and stop (seen in the mixed-mode
 * test: stock never restored). So every TCC or XA write to a row shared across modes calls
 * {@link #requireNoAtLock} after its UPDATE and before its local commit: the row lock it now holds keeps AT
 * writers out from then on, and the coordinator says whether one got there first (then the write is refused with
 * {@code CONCURRENT_UPDATE}, or, in a TCC confirm or cancel, retried by the coordinator later). A coordinator that
 * cannot be asked refuses the write too ({@code DEPENDENCY_UNAVAILABLE}). A write only to columns that no AT
 * statement changes needs no check, which spares a TCC confirm that only settles {@code reserved} stock or
 * {@code frozen} money a coordinator call: an AT rollback compares and restores only the columns its statement
 * changed ({@code client.undo.onlyCareUpdateColumns=true}, set in seata-client.properties), so such a write cannot
 * make it find its row dirty.
 */
public final class AtLockGuard {

    private final List<String> atResourceIds;

    /** @param atResourceIds the AT resource id of each physical database, by shard index */
    public AtLockGuard(List<String> atResourceIds) {
        this.atResourceIds = List.copyOf(atResourceIds);
    }

    /**
     * @param shardKey the row's sharding value (the physical database is {@code shardKey mod shards})
     * @param table    the table as AT names it in lock keys
     * @param key      the row's primary key
     */
    public void requireNoAtLock(long shardKey, String table, Object key) {
        if (BranchTypes.bound().filter(BranchType.AT::equals).isPresent()) {
            return;
        }
        String xid = currentXid();
        if (xid == null) {
            // no global transaction at all (LOCAL benchmarks): nothing to coordinate with
            return;
        }
        check(shardKey, table, key, xid);
    }

    /**
     * The same check for a plain local transaction that writes a shared row on purpose (a top-up credit applied by
     * an event consumer): it has no global transaction, so an AT lock of any global transaction refuses it.
     */
    public void requireNoAtLockOutsideGlobalTransaction(long shardKey, String table, Object key) {
        check(shardKey, table, key, null);
    }

    private void check(long shardKey, String table, Object key, String xid) {
        String resourceId = atResourceIds.get((int) Math.floorMod(shardKey, (long) atResourceIds.size()));
        String lockKey = table + ":" + key;
        try {
            if (!AtLocks.free(resourceId, xid, lockKey)) {
                throw new BusinessException(
                        ErrorCode.CONCURRENT_UPDATE,
                        lockKey + " is being changed by another global transaction; try again");
            }
        } catch (TransactionException | FrameworkException e) {
            // nothing is written unless the coordinator answers: the caller may try again once it is back
            throw new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "cannot ask the coordinator whether " + lockKey + " is being changed by a global transaction: "
                            + e.getMessage() + "; try again");
        }
    }

    private static String currentXid() {
        String xid = RootContext.getXID();
        if (xid != null) {
            return xid;
        }
        BusinessActionContext phaseTwo = BusinessActionContextUtil.getContext();
        return phaseTwo == null ? null : phaseTwo.getXid();
    }
}
