package com.tradeflow.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.events.*}: where the broker is and how consumers retry.
 *
 * @param namesrv               RocketMQ name server address(es), {@code host:port[;host:port]}
 * @param maxReconsumeTimes     failed deliveries of one message before it goes to the group's dead-letter topic
 * @param retryDelay            pause of a queue after a failed delivery (ordered consumption retries in place)
 * @param consumeThreads        threads per consumer group (ordered: one queue at a time per thread)
 * @param consumeBatchSize      order events a subscriber that applies them on delivery takes from one queue at once
 *                              and applies in one transaction per database (a backlog is applied with fewer
 *                              commits); 1: one at a time
 * @param sendTimeout           one send of a producer to the broker
 * @param offsetCommitInterval  how often a consumer reports its consumed offsets to the broker: after a crash,
 *                              what was consumed since is delivered again (and deduplicated)
 * @param inbox                 the job that applies the inbox of subscribers that use one
 * @param instanceId            what tells this instance's consumers apart from other instances' on the same host
 *                              (the broker knows a consumer as host@instance): the same across restarts, so a
 *                              restarted instance takes its ordered queues back at once instead of waiting for
 *                              the broker to expire the dead one's locks; unset: the process id
 * @param signingKey            the key of the signatures of events that move money ({@link EventSignatures}),
 *                              shared by their producer and consumer; never logged; unset: such events are neither
 *                              signed nor applied
 * @param accessKey             the access key the service's RocketMQ clients sign every request to the broker with
 *                              (RocketMQ's ACL); unset: they do not sign, for a broker without ACL
 * @param secretKey             the secret of that access key; never logged
 * @param pullInterval          pause of a consumer between a pull that brought messages and its next pull of that
 *                              queue: what arrives meanwhile comes in one pull and is applied as one batch, instead
 *                              of a pull (and a transaction) per message under load; an empty pull waits at the
 *                              broker for the next message as before. 0: pull again at once
 * @param subscribeRetry        while the name server cannot be reached when the service starts, a consumer group
 *                              tries to subscribe again this often: the service starts and serves meanwhile, and
 *                              its events wait in the broker
 */
@ConfigurationProperties("tradeflow.events")
public record EventsProperties(
        String namesrv,
        Integer maxReconsumeTimes,
        Duration retryDelay,
        Integer consumeThreads,
        Integer consumeBatchSize,
        Duration sendTimeout,
        Duration offsetCommitInterval,
        Inbox inbox,
        String instanceId,
        String signingKey,
        String accessKey,
        String secretKey,
        Duration pullInterval,
        Duration subscribeRetry) {

    private static final int DEFAULT_MAX_RECONSUME_TIMES = 3;
    private static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    private static final int DEFAULT_CONSUME_THREADS = 4;
    private static final int DEFAULT_CONSUME_BATCH_SIZE = 16;
    private static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration DEFAULT_OFFSET_COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_SUBSCRIBE_RETRY = Duration.ofSeconds(5);

    public EventsProperties {
        namesrv = namesrv == null || namesrv.isBlank() ? "127.0.0.1:9876" : namesrv.trim();
        maxReconsumeTimes = maxReconsumeTimes == null ? DEFAULT_MAX_RECONSUME_TIMES : maxReconsumeTimes;
        retryDelay = retryDelay == null ? DEFAULT_RETRY_DELAY : retryDelay;
        consumeThreads = consumeThreads == null ? DEFAULT_CONSUME_THREADS : consumeThreads;
        consumeBatchSize = consumeBatchSize == null ? DEFAULT_CONSUME_BATCH_SIZE : consumeBatchSize;
        sendTimeout = sendTimeout == null ? DEFAULT_SEND_TIMEOUT : sendTimeout;
        offsetCommitInterval = offsetCommitInterval == null ? DEFAULT_OFFSET_COMMIT_INTERVAL : offsetCommitInterval;
        inbox = inbox == null ? new Inbox(null, null, null, null, null, null, null, null) : inbox;
        instanceId = instanceId == null || instanceId.isBlank()
                ? String.valueOf(ProcessHandle.current().pid())
                : instanceId.trim();
        signingKey = signingKey == null ? "" : signingKey.strip();
        accessKey = accessKey == null ? "" : accessKey.strip();
        secretKey = secretKey == null ? "" : secretKey.strip();
        pullInterval = pullInterval == null ? Duration.ZERO : pullInterval;
        subscribeRetry = subscribeRetry == null ? DEFAULT_SUBSCRIBE_RETRY : subscribeRetry;
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            throw new IllegalArgumentException("tradeflow.events: access-key (ROCKETMQ_ACCESS_KEY) and secret-key "
                    + "(ROCKETMQ_SECRET_KEY) must both be set, or neither");
        }
        if (maxReconsumeTimes < 1
                || consumeThreads < 1
                || consumeBatchSize < 1
                || retryDelay.isNegative()
                || offsetCommitInterval.isNegative()
                || offsetCommitInterval.isZero()
                || pullInterval.isNegative()
                || subscribeRetry.isNegative()
                || subscribeRetry.isZero()) {
            throw new IllegalArgumentException("tradeflow.events: max-reconsume-times, consume-threads and "
                    + "consume-batch-size must be at least 1, retry-delay and pull-interval not negative, "
                    + "offset-commit-interval and subscribe-retry positive");
        }
    }

    /** Whether the RocketMQ clients sign their requests ({@link #accessKey}, {@link #secretKey}). */
    public boolean signsBrokerRequests() {
        return !accessKey.isEmpty();
    }

    /** Without the signing key and the secret key: records print their components, and these are secrets. */
    @Override
    public String toString() {
        return "EventsProperties[namesrv=" + namesrv + ", maxReconsumeTimes=" + maxReconsumeTimes + ", retryDelay="
                + retryDelay + ", consumeThreads=" + consumeThreads + ", consumeBatchSize=" + consumeBatchSize
                + ", sendTimeout=" + sendTimeout
                + ", offsetCommitInterval=" + offsetCommitInterval + ", inbox=" + inbox + ", instanceId=" + instanceId
                + ", signingKey=" + (signingKey.isEmpty() ? "(not set)" : "(set)") + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey.isEmpty() ? "(not set)" : "(set)") + ", pullInterval=" + pullInterval
                + ", subscribeRetry=" + subscribeRetry + "]";
    }

    /**
     * {@code tradeflow.events.inbox.*}: the job that applies stored messages.
     *
     * @param pollInterval       pause between passes over the inbox while it has rows
     * @param idlePollInterval   longest pause between passes that find nothing (a new row wakes the job)
     * @param batchSize          rows read per pass
     * @param maxAttempts        failed applications of one row before it is DEAD
     * @param initialBackoff     wait after the first failure; grows by {@code backoffMultiplier}, up to
     *                           {@code maxBackoff}, with {@code backoffJitter} randomisation
     */
    public record Inbox(
            Duration pollInterval,
            Duration idlePollInterval,
            Integer batchSize,
            Integer maxAttempts,
            Duration initialBackoff,
            Double backoffMultiplier,
            Double backoffJitter,
            Duration maxBackoff) {

        private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
        private static final Duration DEFAULT_IDLE_POLL_INTERVAL = Duration.ofSeconds(2);
        private static final int DEFAULT_BATCH_SIZE = 100;
        private static final int DEFAULT_MAX_ATTEMPTS = 5;
        private static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
        private static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
        private static final double DEFAULT_BACKOFF_JITTER = 0.5;
        private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

        public Inbox {
            pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
            idlePollInterval = idlePollInterval == null ? DEFAULT_IDLE_POLL_INTERVAL : idlePollInterval;
            batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
            maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
            initialBackoff = initialBackoff == null ? DEFAULT_INITIAL_BACKOFF : initialBackoff;
            backoffMultiplier = backoffMultiplier == null ? DEFAULT_BACKOFF_MULTIPLIER : backoffMultiplier;
            backoffJitter = backoffJitter == null ? DEFAULT_BACKOFF_JITTER : backoffJitter;
            maxBackoff = maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff;
            if (batchSize < 1
                    || maxAttempts < 1
                    || pollInterval.isNegative()
                    || pollInterval.isZero()
                    || backoffMultiplier < 1
                    || backoffJitter < 0
                    || backoffJitter >= 1
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("tradeflow.events.inbox: batch-size and max-attempts must be at "
                        + "least 1, poll-interval positive, backoff-multiplier >= 1, backoff-jitter in [0, 1), "
                        + "max-backoff >= initial-backoff");
            }
        }
    }
}
