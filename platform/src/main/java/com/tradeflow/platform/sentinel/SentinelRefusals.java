package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.authority.AuthorityException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;

/**
 * The one mapping of a Sentinel refusal to our errors, wherever it happens (a web endpoint, a Dubbo call, a
 * resource of our own): an open breaker is {@code DEPENDENCY_UNAVAILABLE} (503), an authority rule
 * {@code ACCESS_DENIED} (403), a flow, hot-parameter or system rule {@code RATE_LIMITED} (429).
 */
public final class SentinelRefusals {

    private SentinelRefusals() {}

    /** @param what the refused thing, for people ("GET:/api/products/{skuId}", "call to ...") */
    public static BusinessException refusal(BlockException e, String what) {
        if (e instanceof DegradeException) {
            return new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    what + " is failing: its circuit breaker is open; try again later");
        }
        if (e instanceof AuthorityException) {
            return new BusinessException(ErrorCode.ACCESS_DENIED, what + " refuses this caller");
        }
        return new BusinessException(ErrorCode.RATE_LIMITED, what + " is over its rate limit; try again shortly");
    }
}
