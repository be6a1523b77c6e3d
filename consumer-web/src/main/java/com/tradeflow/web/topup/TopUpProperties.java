package com.tradeflow.web.topup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.top-ups.*}: limits, where the gateway sends its notifications, and the reconciliation job.
 *
 * @param notifyUrl              our callback URL, stored with each top-up and sent with every submission of it
 * @param maxAmount              largest top-up, cents
 * @param jobEnabled             run the reconciliation job in this instance (several may: one works a database at
 *                               a time)
 * @param pollInterval           pause between passes of the job while it finds top-ups to query
 * @param idlePollInterval       longest pause between passes that find none
 * @param batchSize              top-ups (and stored notifications) looked at per database and pass
 * @param reconcileAfter         a top-up still PENDING this long after it was created is queried at the gateway
 *                               (a notification normally comes well before)
 * @param recheckInitial         wait before the next query of one still PENDING; grows by
 *                               {@code recheckMultiplier}, +-{@code recheckJitter}, at most {@code recheckMax}
 * @param reviewAfter            a top-up still PENDING this long after it was created is flagged for manual review
 *                               (and still queried, at the longest interval)
 * @param stuckNotificationAfter a notification stored but not processed this long (its instance died in between)
 *                               is processed by the job
 */
@ConfigurationProperties("tradeflow.top-ups")
public record TopUpProperties(
        String notifyUrl,
        long maxAmount,
        boolean jobEnabled,
        Duration pollInterval,
        Duration idlePollInterval,
        int batchSize,
        Duration reconcileAfter,
        Duration recheckInitial,
        double recheckMultiplier,
        double recheckJitter,
        Duration recheckMax,
        Duration reviewAfter,
        Duration stuckNotificationAfter) {

    public TopUpProperties {
        if (notifyUrl == null
                || notifyUrl.isBlank()
                || maxAmount < 1
                || pollInterval == null
                || pollInterval.isZero()
                || pollInterval.isNegative()
                || idlePollInterval == null
                || idlePollInterval.compareTo(pollInterval) < 0
                || batchSize < 1
                || reconcileAfter == null
                || recheckInitial == null
                || recheckMultiplier < 1
                || recheckJitter < 0
                || recheckJitter >= 1
                || recheckMax == null
                || recheckMax.compareTo(recheckInitial) < 0
                || reviewAfter == null
                || stuckNotificationAfter == null) {
            throw new IllegalArgumentException(
                    "tradeflow.top-ups: notify-url, poll-interval, idle-poll-interval (>= poll-interval), "
                            + "reconcile-after, "
                            + "recheck-initial, recheck-max (>= recheck-initial), review-after and stuck-notification-after "
                            + "must be set; max-amount, batch-size >= 1; recheck-multiplier >= 1; recheck-jitter in [0, 1)");
        }
    }
}
