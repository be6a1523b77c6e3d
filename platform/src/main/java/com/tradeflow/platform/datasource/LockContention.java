package com.tradeflow.platform.datasource;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Seata AT protects rows written by unfinished global transactions with global locks; a write that cannot get
 * one in time fails with Seata's lock exceptions. Those are not faults but contention on a hot row: providers
 * answer them as {@link ErrorCode#CONCURRENT_UPDATE}, which the caller may retry, instead of an internal error.
 */
public final class LockContention {

    private static final String SEATA_LOCK_EXCEPTIONS = "org.apache.seata.rm.datasource.exec.Lock";
    /** MySQL/MariaDB: lock wait timeout exceeded, deadlock found. */
    private static final Set<Integer> LOCK_ERRORS = Set.of(1205, 1213);

    private LockContention() {}

    /** Runs the write; a global-lock failure anywhere in its cause chain becomes CONCURRENT_UPDATE. */
    public static <T> T translate(java.util.function.Supplier<T> write, String what) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                throw new BusinessException(
                        ErrorCode.CONCURRENT_UPDATE, what + " is being changed by another purchase; try again");
            }
            throw e;
        }
    }

    /** {@link #translate(java.util.function.Supplier, String)} for a write that answers nothing. */
    public static void translate(Runnable write, String what) {
        translate(
                () -> {
                    write.run();
                    return null;
                },
                what);
    }

    /**
     * Seata's global lock (AT), or a database row lock that was not granted in time or deadlocked (XA holds row
     * locks until phase two; TCC tries hold them for their local transaction).
     */
    public static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith(SEATA_LOCK_EXCEPTIONS)
                    || t instanceof PessimisticLockingFailureException
                    || t instanceof SQLException sql && LOCK_ERRORS.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
