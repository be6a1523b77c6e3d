package com.tradeflow.platform.jobs;

import com.tradeflow.platform.datasource.CommitModePools;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One instance at a time for a job on a database: a pass runs while its own connection holds a row lock taken
 * with {@code FOR UPDATE SKIP LOCKED}; an instance that finds the row locked skips its pass instead of waiting.
 * The lock goes with the connection: a process that dies mid-pass frees it at once, with no lease to expire.
 */
public final class LockRows {

    private LockRows() {}

    /** A pass of the job; runs on connections of its own (the lock connection only holds the lock). */
    @FunctionalInterface
    public interface Pass<T> {
        T run() throws SQLException;
    }

    /**
     * @param lockQuery a {@code SELECT ... FOR UPDATE SKIP LOCKED} of the job's lock row, with one parameter
     * @param key       that parameter (the row's key)
     * @return the pass's result, or empty when another instance holds the row (or the row does not exist)
     */
    public static <T> Optional<T> whileHolding(DataSource db, String lockQuery, Object key, Pass<T> pass)
            throws SQLException {
        // a connection with auto-commit off from the start (a no-op below, unless the pool is not one of ours)
        try (Connection lock = CommitModePools.forTransaction(db::getConnection)) {
            lock.setAutoCommit(false);
            try {
                if (!claim(lock, lockQuery, key)) {
                    return Optional.empty();
                }
                return Optional.ofNullable(pass.run());
            } finally {
                lock.rollback();
            }
        }
    }

    private static boolean claim(Connection lock, String lockQuery, Object key) throws SQLException {
        try (PreparedStatement select = lock.prepareStatement(lockQuery)) {
            select.setObject(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
