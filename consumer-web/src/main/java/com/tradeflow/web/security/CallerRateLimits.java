package com.tradeflow.web.security;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.tradeflow.platform.sentinel.SentinelRefusals;
import org.springframework.stereotype.Component;

/**
 * Rate limits per end user: a Sentinel resource per act, with the caller's user id as its parameter, so that a
 * hot-parameter rule ({@code {"resource":"order-placement-by-user","paramIdx":0,"count":20,...}}) limits each user
 * on their own and one user's script cannot use up what the endpoint's limit gives everyone. Only acts that users
 * ask for over HTTP: orders the service places for a user (flash sales) are not counted.
 */
@Component
public class CallerRateLimits {

    /** Placing an order, per user. */
    public static final String ORDER_PLACEMENT = "order-placement-by-user";
    /** A transfer out of the user's wallet, per user. */
    public static final String TRANSFER = "transfer-by-user";

    /**
     * Counts the act against the caller's limit.
     *
     * @throws com.tradeflow.api.error.BusinessException 429 {@code RATE_LIMITED} over the limit
     */
    public void admit(String resource, Caller caller) {
        Entry entry;
        try {
            // OUT: the web resource around it is the request's inbound entry already (system rules count those)
            entry = SphU.entry(resource, EntryType.OUT, 1, caller.userId());
        } catch (BlockException e) {
            throw SentinelRefusals.refusal(e, resource.replace("-by-user", "") + " of user " + caller.userId());
        }
        entry.exit(1, caller.userId());
    }
}
