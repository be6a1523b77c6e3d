package com.tradeflow.platform.transaction;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Sends the explicitly bound branch type along with every call. Seata's Dubbo filter sends the XID, but binds a
 * branch type on the provider only for TCC: an AT or XA participant would fall back to its JVM default.
 */
@Activate(group = CommonConstants.CONSUMER)
public class BranchTypeConsumerFilter implements Filter {

    /** The attachment carrying the caller's branch type. */
    static final String ATTACHMENT = "tradeflow-branch-type";

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        BranchTypes.bound().ifPresent(type -> invocation.setAttachment(ATTACHMENT, type.name()));
        return invoker.invoke(invocation);
    }
}
