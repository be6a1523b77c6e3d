package com.tradeflow.web.reconciliation;

import com.tradeflow.api.inventory.InventoryService;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.reconciliation.*}: how the job that compares orders with the stock and wallet ledgers runs.
 *
 * @param enabled     run the job in this instance (several instances may: one works at a time)
 * @param interval    pause between passes while orders keep coming; after empty passes the pause doubles up to
 *                    {@code idleInterval}
 * @param idleInterval longest pause between passes
 * @param settleAfter how long after its last change an order is checked: its global transaction has ended by then
 *                    (an order still PENDING or CANCELLING that long is UNSETTLED)
 * @param batchSize   orders read per table and pass, and open findings checked again per pass
 * @param catchUpPause pause before the next pass while the job is behind (a pass found a full batch)
 */
@ConfigurationProperties("tradeflow.reconciliation")
public record ReconciliationProperties(
        boolean enabled,
        Duration interval,
        Duration idleInterval,
        Duration settleAfter,
        int batchSize,
        Duration catchUpPause) {

    public ReconciliationProperties {
        if (interval == null
                || interval.isNegative()
                || interval.isZero()
                || idleInterval == null
                || idleInterval.compareTo(interval) < 0
                || settleAfter == null
                || settleAfter.isNegative()
                || batchSize < 1
                || batchSize > InventoryService.MAX_MOVEMENT_ORDERS
                || catchUpPause == null
                || catchUpPause.isNegative()
                || catchUpPause.compareTo(interval) > 0) {
            throw new IllegalArgumentException("tradeflow.reconciliation: interval > 0, idle-interval >= interval, "
                    + "settle-after >= 0, catch-up-pause in [0, interval] must be set; batch-size in [1, "
                    + InventoryService.MAX_MOVEMENT_ORDERS + "]");
        }
    }
}
