package com.tradeflow.platform.transaction;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.core.model.BranchType;

/** Binds the caller's branch type (see {@link BranchTypeConsumerFilter}) for the duration of the call. */
@Activate(group = CommonConstants.PROVIDER)
public class BranchTypeProviderFilter implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        String type = invocation.getAttachment(BranchTypeConsumerFilter.ATTACHMENT);
        if (type == null) {
            return invoker.invoke(invocation);
        }
        return BranchTypes.with(BranchType.valueOf(type), () -> invoker.invoke(invocation));
    }
}
