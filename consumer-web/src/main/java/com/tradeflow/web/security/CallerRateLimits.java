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

    /** What a user does that has a limit of its own: the Sentinel resource, and how a refusal names it. */
    public enum Act {
        /** Placing an order. */
        ORDER_PLACEMENT("order-placement-by-user", "order-placement"),
        /** A transfer out of the user's wallet. */
        TRANSFER("transfer-by-user", "transfer");

        private final String resource;
        private final String what;

        Act(String resource, String what) {
            this.resource = resource;
            this.what = what;
        }
    }

    /**
     * Counts the act against the caller's limit.
     *
     * @throws com.tradeflow.api.error.BusinessException 429 {@code RATE_LIMITED} over the limit
     */
    public void admit(Act act, Caller caller) {
        Entry entry;
        try {
            // OUT: the web resource around it is the request's inbound entry already (system rules count those)
            entry = SphU.entry(act.resource, EntryType.OUT, 1, caller.userId());
        } catch (BlockException e) {
            throw SentinelRefusals.refusal(e, act.what + " of user " + caller.userId());
        }
        entry.exit(1, caller.userId());
    }
}
