package com.tradeflow.web.deadletter;

import java.time.Instant;

/**
 * A message a consumer group gave up on, as stored in the group's dead-letter topic.
 *
 * @param eventId        the event's id, null when the body is not an event of the group's topic
 * @param aggregateId    the event's order or top-up
 * @param reconsumeTimes failed deliveries before it was dead-lettered
 */
public record DeadLetter(
        String group,
        String msgId,
        String keys,
        String tags,
        String eventId,
        Long aggregateId,
        int reconsumeTimes,
        Instant storedAt,
        String body) {}
