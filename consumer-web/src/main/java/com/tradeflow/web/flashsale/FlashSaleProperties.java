package com.tradeflow.web.flashsale;

import com.tradeflow.web.order.TransactionMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

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
 */
@ConfigurationProperties("tradeflow.flash-sales")
record FlashSaleProperties(boolean ordersEnabled, int orderRate, TransactionMode orderMode, int maxReconsumeTimes,
        Duration rateWait) {

    FlashSaleProperties {
        if (orderRate < 1 || maxReconsumeTimes < 1 || rateWait == null || rateWait.isNegative()
                || orderMode == null || orderMode == TransactionMode.LOCAL) {
            throw new IllegalArgumentException("tradeflow.flash-sales: order-rate and max-reconsume-times must be at "
                    + "least 1, rate-wait not negative, order-mode AT, TCC or XA");
        }
    }
}
