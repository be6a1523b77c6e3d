package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.adapter.dubbo3.config.DubboAdapterGlobalConfig;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invocation;

/**
 * What a Dubbo call refused by Sentinel returns: one of our own errors ({@link SentinelRefusals}; the only
 * exceptions that cross the wire: Sentinel's are not on Dubbo's serialization allowlist), so the web API answers it
 * like any other refusal: a breaker open 503 {@code DEPENDENCY_UNAVAILABLE} at once, a flow or system limit 429
 * {@code RATE_LIMITED}, an authority rule 403.
 */
final class SentinelDubboFallbacks {

    private SentinelDubboFallbacks() {}

    static void install() {
        DubboAdapterGlobalConfig.setProviderFallback((invoker, invocation, e) -> refused(invocation, e, "provider"));
        DubboAdapterGlobalConfig.setConsumerFallback((invoker, invocation, e) -> refused(invocation, e, "call to"));
    }

    private static AsyncRpcResult refused(Invocation invocation, BlockException e, String side) {
        String what = invocation.getServiceName() + "." + invocation.getMethodName();
        return AsyncRpcResult.newDefaultAsyncResult(SentinelRefusals.refusal(e, side + " " + what), invocation);
    }
}
