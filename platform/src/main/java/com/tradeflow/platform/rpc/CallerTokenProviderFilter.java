package com.tradeflow.platform.rpc;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.metadata.MetadataService;
import org.apache.dubbo.metadata.MetadataServiceV2;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses every call to this provider's services that does not carry the caller token ({@link CallerToken}), before
 * any other filter or the service runs. Dubbo's MetadataService (both versions) stays open: consumers read the service list from it
 * before their first call, and it tells nothing a business call could use.
 */
@Activate(group = CommonConstants.PROVIDER, order = CallerTokenProviderFilter.ORDER)
public class CallerTokenProviderFilter implements Filter {

    /** Before Dubbo's context, generic-call and exception filters and every other one: nothing runs for a refusal. */
    static final int ORDER = -200_000;

    private static final Logger log = LoggerFactory.getLogger(CallerTokenProviderFilter.class);

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        Class<?> service = invoker.getInterface();
        if (MetadataService.class.equals(service) || MetadataServiceV2.class.equals(service)) {
            return invoker.invoke(invocation);
        }
        Object presented = invocation.getObjectAttachment(CallerToken.ATTACHMENT);
        if (!CallerToken.matches(presented)) {
            // the token itself is never logged, only whether one came
            log.warn(
                    "refused a call to {}.{} from {}: {}",
                    invoker.getInterface().getSimpleName(),
                    invocation.getMethodName(),
                    RpcContext.getServiceContext().getRemoteAddressString(),
                    presented == null ? "no caller token" : "wrong caller token");
            throw new RpcException(
                    RpcException.FORBIDDEN_EXCEPTION,
                    "TradeFlow caller token missing or wrong: "
                            + invoker.getInterface().getSimpleName() + " answers the TradeFlow services only");
        }
        return invoker.invoke(invocation);
    }
}
