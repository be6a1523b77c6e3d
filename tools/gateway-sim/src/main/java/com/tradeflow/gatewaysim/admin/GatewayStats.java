package com.tradeflow.gatewaysim.admin;

import com.tradeflow.gatewaysim.notification.NotificationStats;

/**
 * The body of {@code GET /admin/stats}: counts since the gateway started.
 *
 * @param payments      payments by current status
 * @param notifications see {@link NotificationStats.Snapshot} for what each count means
 * @param merchantApi   requests answered with an injected 500, and answers held back by the timeout fault
 */
record GatewayStats(Payments payments, NotificationStats.Snapshot notifications, MerchantApiFaults merchantApi) {

    record Payments(long total, long pending, long succeeded, long failed) {}

    record MerchantApiFaults(long errorsInjected, long timeoutsInjected) {}
}
