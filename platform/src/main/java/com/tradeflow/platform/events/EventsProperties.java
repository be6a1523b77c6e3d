package com.tradeflow.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code tradeflow.events.*}: where the broker is and how consumers retry.
 *
 * @param namesrv             RocketMQ name server address(es), {@code host:port[;host:port]}
 * @param maxReconsumeTimes   failed deliveries of one message before it goes to the group's dead-letter topic
 * @param retryDelay          pause of a queue after a failed delivery (ordered consumption retries in place)
 * @param consumeThreads      threads per consumer group (ordered: one queue at a time per thread)
 * @param sendTimeout         one send of a producer to the broker
 */
@ConfigurationProperties("tradeflow.events")
public record EventsProperties(String namesrv, Integer maxReconsumeTimes, Duration retryDelay,
        Integer consumeThreads, Duration sendTimeout) {

    private static final int DEFAULT_MAX_RECONSUME_TIMES = 3;
    private static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    private static final int DEFAULT_CONSUME_THREADS = 4;
    private static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(3);

    public EventsProperties {
        namesrv = namesrv == null || namesrv.isBlank() ? "127.0.0.1:9876" : namesrv.trim();
        maxReconsumeTimes = maxReconsumeTimes == null ? DEFAULT_MAX_RECONSUME_TIMES : maxReconsumeTimes;
        retryDelay = retryDelay == null ? DEFAULT_RETRY_DELAY : retryDelay;
        consumeThreads = consumeThreads == null ? DEFAULT_CONSUME_THREADS : consumeThreads;
        sendTimeout = sendTimeout == null ? DEFAULT_SEND_TIMEOUT : sendTimeout;
        if (maxReconsumeTimes < 1 || consumeThreads < 1 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("tradeflow.events: max-reconsume-times and consume-threads must be "
                    + "at least 1, retry-delay not negative");
        }
    }
}
