package com.tradeflow.gatewaysim.fault;

import com.tradeflow.gatewaysim.http.ApiException;
import com.tradeflow.gatewaysim.http.BearerAuth;
import com.tradeflow.gatewaysim.http.Reply;
import com.tradeflow.gatewaysim.http.Route;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts the merchant-API faults around a handler, in the order a client meets them on a real gateway: latency on
 * every answer (401s included); then, for an authenticated caller, either an error before any work is done, or
 * the work done and the answer held back past the client's timeout.
 */
public final class FaultInjection {

    private final FaultSettings settings;
    private final AtomicLong errorsInjected = new AtomicLong();
    private final AtomicLong timeoutsInjected = new AtomicLong();

    public FaultInjection(FaultSettings settings) {
        this.settings = settings;
    }

    public Route.Handler around(BearerAuth auth, Route.Handler handler) {
        return request -> {
            Faults faults = settings.current();
            long delay = faults.latencyMillis();
            Reply reply;
            try {
                auth.check(request);
                if (settings.roll(faults.errorRate())) {
                    errorsInjected.incrementAndGet();
                    reply = Reply.error(
                            500,
                            "GATEWAY_ERROR",
                            "simulated gateway failure (errorRate): nothing was done, retry the request");
                } else {
                    reply = handler.handle(request);
                    if (settings.roll(faults.timeoutRate())) {
                        timeoutsInjected.incrementAndGet();
                        delay += faults.timeoutDelayMillis();
                    }
                }
            } catch (ApiException e) {
                reply = Reply.error(e);
            }
            return reply.delayedBy(delay);
        };
    }

    public long errorsInjected() {
        return errorsInjected.get();
    }

    public long timeoutsInjected() {
        return timeoutsInjected.get();
    }
}
