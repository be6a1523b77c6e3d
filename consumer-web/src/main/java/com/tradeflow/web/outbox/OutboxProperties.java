package com.tradeflow.web.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.outbox.*}: how the relay polls and retries.
 *
 * @param relayEnabled       run the relay in this instance (several instances may: one relays a database at a time)
 * @param pollInterval       pause between passes over the databases while they have rows to send
 * @param idlePollInterval   longest pause between passes that find nothing (a row written by this instance
 *                           wakes the relay at once; one written by another instance waits at most this)
 * @param batchSize          rows read per database and pass
 * @param maxAttempts        failed sends before the row is DEAD
 * @param initialBackoff     wait after the first failed send; grows by {@code backoffMultiplier}, with jitter
 * @param backoffMultiplier  growth of the wait per failed send
 * @param backoffJitter      randomisation of each wait (0.5: +-50%), so rows that failed together spread out
 * @param maxBackoff         cap of the wait
 * @param transactionalTakeover age after which a TRANSACTIONAL row (transactional-message publisher) that the
 *                           broker never resolved is sent by the relay instead (a lost half message)
 */
@ConfigurationProperties("tradeflow.outbox")
public record OutboxProperties(
        boolean relayEnabled,
        Duration pollInterval,
        Duration idlePollInterval,
        int batchSize,
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        double backoffJitter,
        Duration maxBackoff,
        Duration transactionalTakeover) {

    public OutboxProperties {
        if (pollInterval == null
                || pollInterval.isNegative()
                || pollInterval.isZero()
                || idlePollInterval == null
                || idlePollInterval.compareTo(pollInterval) < 0
                || batchSize < 1
                || maxAttempts < 1
                || initialBackoff == null
                || backoffMultiplier < 1
                || backoffJitter < 0
                || backoffJitter >= 1
                || maxBackoff == null
                || maxBackoff.compareTo(initialBackoff) < 0
                || transactionalTakeover == null) {
            throw new IllegalArgumentException(
                    "tradeflow.outbox: poll-interval, idle-poll-interval (>= poll-interval), initial-backoff, "
                            + "transactional-takeover and "
                            + "max-backoff (>= initial-backoff) must be set; batch-size, max-attempts >= 1; "
                            + "backoff-multiplier >= 1; backoff-jitter in [0, 1)");
        }
    }
}
