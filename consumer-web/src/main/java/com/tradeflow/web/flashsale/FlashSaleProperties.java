package com.tradeflow.web.flashsale;

import com.tradeflow.web.order.TransactionMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.flash-sales.*}.
 *
 * @param ordersEnabled     this instance places the orders of queued tickets (group web-flash-sale-orders)
 * @param orderRate         orders per second this instance places at most, however many tickets wait: the peak the
 *                          databases see (several instances: each places at this rate)
 * @param orderMode         the global transaction mode of those orders
 * @param maxReconsumeTimes a ticket whose order failed for a passing reason (a lock, a provider away) is tried
 *                          again every second this many times before its message is dead-lettered
 * @param rateWait          longest a ticket waits for the rate limiter before its delivery is retried
 * @param claimLease        how long a delivery holds a ticket while it places its order (above the transaction
 *                          timeout): a delivery whose process died is taken over after it
 * @param stuckAfter        a ticket still QUEUED this long after it was granted is reported by the reconciliation
 */
@ConfigurationProperties("tradeflow.flash-sales")
record FlashSaleProperties(
        boolean ordersEnabled,
        int orderRate,
        TransactionMode orderMode,
        int maxReconsumeTimes,
        Duration rateWait,
        Duration claimLease,
        Duration stuckAfter) {

    FlashSaleProperties {
        if (orderRate < 1
                || maxReconsumeTimes < 1
                || rateWait == null
                || rateWait.isNegative()
                || orderMode == null
                || orderMode == TransactionMode.LOCAL
                || claimLease == null
                || claimLease.isNegative()
                || claimLease.isZero()
                || stuckAfter == null
                || stuckAfter.isNegative()
                || stuckAfter.isZero()) {
            throw new IllegalArgumentException("tradeflow.flash-sales: order-rate and max-reconsume-times must be at "
                    + "least 1, rate-wait not negative, claim-lease and stuck-after positive, order-mode AT, TCC or "
                    + "XA");
        }
    }
}
