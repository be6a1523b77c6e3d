package com.tradeflow.platform.failure;

import com.tradeflow.api.error.BusinessException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.function.Predicate;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is an outage of something the call depends on (a database, the Seata coordinator), not a refusal
 * of the business nor a bug: what a provider answers its caller as {@code DEPENDENCY_UNAVAILABLE} and the web API as
 * 503, instead of 500. One place for both, so that they cannot disagree (the chaos run found a connection killed under
 * consumer-web's own TCC fence answered 500 while the same failure in a provider answered 503).
 */
public final class DependencyFailures {

    /** SQLState class of connection exceptions (a closed or broken connection, a refused one). */
    private static final String CONNECTION_EXCEPTION = "08";

    private DependencyFailures() {}

    /** The failure, or one of its causes, is the database's: its connection lost or refused, its commit failed. */
    public static boolean isDatabaseFailure(Throwable failure) {
        return anyCause(
                failure,
                t -> t instanceof TransactionSystemException
                        || t instanceof CannotGetJdbcConnectionException
                        || t instanceof DataAccessResourceFailureException
                        || t instanceof TransientDataAccessException
                        || (t instanceof SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)));
    }

    /**
     * The failure, or one of its causes, is the Seata coordinator's: a branch it did not register or a report it did
     * not take (Seata wraps those in its FrameworkException or TransactionException), or the channel to a node that
     * just died.
     */
    public static boolean isCoordinatorFailure(Throwable failure) {
        return anyCause(
                failure,
                t -> t instanceof FrameworkException
                        || t instanceof TransactionException
                        || t instanceof ClosedChannelException);
    }

    /** Down the cause chain; a refusal of the business on the way is the answer, whatever caused it. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> outage) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessException) {
                return false;
            }
            if (outage.test(t)) {
                return true;
            }
        }
        return false;
    }
}
