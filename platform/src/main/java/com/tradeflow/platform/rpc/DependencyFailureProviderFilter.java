package com.tradeflow.platform.rpc;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.failure.DependencyFailures;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's dependency failing under a call (its database: the connection killed or lost, no connection to be had,
 * the commit failed; the Seata coordinator: a branch not registered) answers the caller
 * {@link ErrorCode#DEPENDENCY_UNAVAILABLE}, an exception of the API, instead of the RuntimeException Dubbo wraps an
 * undeclared one in, which the web API could only answer 500 (found by the chaos run: a refund whose connection was
 * killed; a TCC branch the coordinator did not register). The caller's global transaction rolls back either way.
 */
@Activate(group = CommonConstants.PROVIDER, order = DependencyFailureProviderFilter.ORDER)
public class DependencyFailureProviderFilter implements Filter, Filter.Listener {

    /** Inside Dubbo's ExceptionFilter (order 0), which would otherwise wrap the failure first. */
    static final int ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(DependencyFailureProviderFilter.class);

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        if (!result.hasException()) {
            return;
        }
        Throwable failure = result.getException();
        String unavailable = DependencyFailures.isDatabaseFailure(failure)
                ? "database"
                : DependencyFailures.isCoordinatorFailure(failure) ? "transaction coordinator" : null;
        if (unavailable != null) {
            log.warn(
                    "{}.{}: {} unavailable: {}",
                    invoker.getInterface().getSimpleName(),
                    invocation.getMethodName(),
                    unavailable,
                    failure.toString());
            result.setException(new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "the service's " + unavailable + " is unavailable; try again later"));
        }
    }

    @Override
    public void onError(Throwable error, Invoker<?> invoker, Invocation invocation) {
        // a failure of the call itself (not of the method): Dubbo answers it as it is
    }
}
