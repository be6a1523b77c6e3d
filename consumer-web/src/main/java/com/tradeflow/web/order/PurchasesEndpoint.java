package com.tradeflow.web.order;

import com.tradeflow.platform.metrics.OutcomeHistory;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/purchases} (management port): this instance's purchases per second, 5xx share and p99 over
 * the last minutes ({@link PurchaseFigures}), oldest first; the console's overview reads it from every web instance.
 */
@Component
@Endpoint(id = "purchases")
public class PurchasesEndpoint {

    private final OutcomeHistory history;

    PurchasesEndpoint(@Qualifier("purchaseHistory") OutcomeHistory history) {
        this.history = history;
    }

    @ReadOperation
    public List<OutcomeHistory.Sample> samples() {
        return history.samples();
    }
}
