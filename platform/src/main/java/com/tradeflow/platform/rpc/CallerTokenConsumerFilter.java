package com.tradeflow.platform.rpc;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/** Attaches this service's caller token ({@link CallerToken}) to every Dubbo call it makes. */
@Activate(group = CommonConstants.CONSUMER)
public class CallerTokenConsumerFilter implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        String token = CallerToken.value();
        if (token != null) {
            invocation.setAttachment(CallerToken.ATTACHMENT, token);
        }
        return invoker.invoke(invocation);
    }
}
