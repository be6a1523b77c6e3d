package com.tradeflow.platform.transaction;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.rm.DefaultResourceManager;

/**
 * Asks the coordinator whether rows are free of AT global locks. An AT branch takes the lock of each row it
 * writes before its local commit and keeps it until phase two is over (commit, or rollback with the row restored),
 * so "the row is visible and free" means its global transaction committed.
 */
public final class AtLocks {

    private AtLocks() {}

    /**
     * @param resourceId the AT resource id of the physical database
     * @param xid        the asking global transaction (its own locks count as free), or null for none
     * @param lockKeys   Seata's form: {@code table:pk1,pk2}
     * @return true when no other global transaction holds any of the rows
     */
    public static boolean free(String resourceId, String xid, String lockKeys) throws TransactionException {
        // Seata's lock query runs only inside a global transaction or a global-lock scope
        boolean boundHere = !RootContext.inGlobalTransaction() && !RootContext.requireGlobalLock();
        if (boundHere) {
            RootContext.bindGlobalLockFlag();
        }
        try {
            return DefaultResourceManager.get().lockQuery(BranchType.AT, resourceId, xid, lockKeys);
        } finally {
            if (boundHere) {
                RootContext.unbindGlobalLockFlag();
            }
        }
    }
}
