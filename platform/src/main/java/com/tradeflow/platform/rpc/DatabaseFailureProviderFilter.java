package com.tradeflow.platform.rpc;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.sql.SQLException;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A provider's database failing under a call (its connection killed or lost, no connection to be had, the commit
 * failed) answers the caller {@link ErrorCode#DEPENDENCY_UNAVAILABLE}, an exception of the API, instead of the
 * RuntimeException Dubbo wraps an undeclared one in, which the web API could only answer 500. Found by the chaos run:
 * a refund whose connection was killed. The caller's global transaction rolls back either way.
 */
@Activate(group = CommonConstants.PROVIDER, order = DatabaseFailureProviderFilter.ORDER)
public class DatabaseFailureProviderFilter implements Filter, Filter.Listener {

    /** Inside Dubbo's ExceptionFilter (order 0), which would otherwise wrap the failure first. */
    static final int ORDER = 100;

    /** SQLState class of connection exceptions (a closed or broken connection, a refused one). */
    private static final String CONNECTION_EXCEPTION = "08";

    private static final Logger log = LoggerFactory.getLogger(DatabaseFailureProviderFilter.class);

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        if (result.hasException() && isDatabaseFailure(result.getException())) {
            log.warn(
                    "{}.{}: database unavailable: {}",
                    invoker.getInterface().getSimpleName(),
                    invocation.getMethodName(),
                    result.getException().toString());
            result.setException(new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE, "the service's database is unavailable; try again later"));
        }
    }

    @Override
    public void onError(Throwable error, Invoker<?> invoker, Invocation invocation) {
        // a failure of the call itself (not of the method): Dubbo answers it as it is
    }

    /** The failure, or one of its causes, is the database's: not a refusal, not a bug of the call. */
    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessException) {
                return false;
            }
            if (t instanceof TransactionSystemException
                    || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || (t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith(CONNECTION_EXCEPTION))) {
                return true;
            }
        }
        return false;
    }
}
