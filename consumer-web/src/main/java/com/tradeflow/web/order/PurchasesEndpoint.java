package com.tradeflow.web.order;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code GET /actuator/purchases} (management port): this instance's purchases per second, 5xx share and p99 over
 * the last minutes ({@link PurchaseHistory}), oldest first; the console's overview reads it from every web instance.
 */
@Component
@Endpoint(id = "purchases")
public class PurchasesEndpoint {

    private final PurchaseHistory history;

    PurchasesEndpoint(PurchaseHistory history) {
        this.history = history;
    }

    @ReadOperation
    public List<PurchaseHistory.Sample> samples() {
        return history.samples();
    }
}
