package com.tradeflow.platform.datasource;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The connections of one database, in two pools that differ only in their auto-commit default. A connection asked
 * for while a transaction begins ({@link #forTransaction}) comes with auto-commit off: the transaction then sends
 * no {@code SET autocommit=0} at its start and no {@code SET autocommit=1} at its end, two of the six round trips of
 * a three-statement transaction. Every other connection has auto-commit on, so a statement run outside a
 * transaction commits as JDBC promises: one pool with auto-commit off for everything would roll back, on release,
 * whatever a caller wrote outside a transaction (HikariCP rolls back a dirty connection without auto-commit).
 * <p>
 * The thread's flag is set by {@link ManualCommitTransactionManager} around the start of each transaction, and by
 * jobs that manage their connection's transaction themselves ({@link com.tradeflow.platform.jobs.LockRows}).
 */
public final class CommitModePools extends AbstractDataSource {

    private static final ThreadLocal<Boolean> BEGINNING = new ThreadLocal<>();

    private final HikariDataSource manualCommit;
    private final HikariDataSource autoCommit;

    CommitModePools(HikariDataSource manualCommit, HikariDataSource autoCommit) {
        if (manualCommit.isAutoCommit() || !autoCommit.isAutoCommit()) {
            throw new IllegalArgumentException("the first pool must have auto-commit off, the second on");
        }
        this.manualCommit = manualCommit;
        this.autoCommit = autoCommit;
    }

    /** Something that opens a connection (or begins a transaction) and may fail with an SQL error. */
    @FunctionalInterface
    public interface SqlAction<T> {
        T run() throws SQLException;
    }

    /**
     * Opens a connection for a transaction the caller manages itself: auto-commit off, and the caller commits or
     * rolls back before releasing it.
     */
    public static <T> T forTransaction(SqlAction<T> open) throws SQLException {
        Boolean outer = BEGINNING.get();
        BEGINNING.set(Boolean.TRUE);
        try {
            return open.run();
        } finally {
            restore(outer);
        }
    }

    /** Runs the start of a transaction: the connections handed out on this thread meanwhile have auto-commit off. */
    static void beginning(Runnable begin) {
        try {
            forTransaction(() -> {
                begin.run();
                return null;
            });
        } catch (SQLException e) {
            // begin.run() throws no SQLException: only unchecked exceptions pass through
            throw new IllegalStateException(e);
        }
    }

    private static void restore(Boolean outer) {
        if (outer == null) {
            BEGINNING.remove();
        } else {
            BEGINNING.set(outer);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    private HikariDataSource pool() {
        return BEGINNING.get() != null ? manualCommit : autoCommit;
    }
}
