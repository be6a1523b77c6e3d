package com.tradeflow.web.deadletter;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.IntegrationEvent;
import com.tradeflow.platform.events.EventJson;
import com.tradeflow.platform.events.EventsProperties;
import com.tradeflow.platform.events.RocketMqClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics of the event consumer groups ({@code %DLQ%group}) from the start, without
 * consuming them (a pull consumer that never commits offsets). The broker keeps them for its retention time.
 */
@Component
class DeadLetters {

    private static final String BROWSER_GROUP = "tradeflow-admin-dead-letters";
    /** Empty polls in a row after which the topic is taken as read to its end. */
    private static final int EMPTY_POLLS_AT_END = 2;

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BROWSE_LIMIT = Duration.ofSeconds(10);

    private final EventsProperties events;
    private final EventJson json;

    DeadLetters(EventsProperties events, EventJson json) {
        this.events = events;
        this.json = json;
    }

    /** @throws BusinessException NOT_FOUND for a group that consumes no events */
    List<DeadLetter> list(String group, int limit) {
        requireKnown(group);
        return browse(group, limit);
    }

    Optional<DeadLetter> find(String group, String msgId) {
        requireKnown(group);
        return browse(group, Integer.MAX_VALUE).stream()
                .filter(d -> d.msgId().equals(msgId))
                .findFirst();
    }

    /**
     * The event in a dead letter, of the type its group's topic carries. @throws BusinessException UNREADABLE_EVENT
     * when there is none
     */
    IntegrationEvent event(DeadLetter letter) {
        try {
            return read(letter.group(), letter.body().getBytes(StandardCharsets.UTF_8));
        } catch (EventJson.MalformedEvent e) {
            throw new BusinessException(
                    ErrorCode.UNREADABLE_EVENT,
                    "dead letter " + letter.msgId()
                            + " is not an event of " + EventTopics.topicOf(letter.group()) + " and cannot be replayed: "
                            + e.getMessage());
        }
    }

    private IntegrationEvent read(String group, byte[] body) {
        return json.read(body, EventTopics.eventTypeOf(EventTopics.topicOf(group)));
    }

    private static void requireKnown(String group) {
        if (!EventTopics.CONSUMER_GROUPS.contains(group)) {
            throw new BusinessException(
                    ErrorCode.NOT_FOUND, "no consumer group " + group + "; known: " + EventTopics.CONSUMER_GROUPS);
        }
    }

    private List<DeadLetter> browse(String group, int limit) {
        RocketMqClients.useCurrentRemotingVersion();
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(BROWSER_GROUP, RocketMqClients.signing(events));
        consumer.setNamesrvAddr(events.namesrv());
        consumer.setAutoCommit(false);
        // its own client instance: assigning queues must not disturb the consumers and producers of this JVM
        consumer.setInstanceName(BROWSER_GROUP + "-" + UUID.randomUUID());
        List<DeadLetter> letters = new ArrayList<>();
        try {
            consumer.start();
            Collection<MessageQueue> queues = consumer.fetchMessageQueues(EventTopics.deadLetterTopic(group));
            consumer.assign(queues);
            for (MessageQueue queue : queues) {
                consumer.seekToBegin(queue);
            }
            long deadline = System.nanoTime() + BROWSE_LIMIT.toNanos();
            int emptyPolls = 0;
            while (letters.size() < limit && emptyPolls < EMPTY_POLLS_AT_END && System.nanoTime() < deadline) {
                List<MessageExt> batch = consumer.poll(POLL.toMillis());
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                for (MessageExt message : batch) {
                    if (letters.size() < limit) {
                        letters.add(letter(group, message));
                    }
                }
            }
            return letters;
        } catch (MQClientException e) {
            if (topicMissing(e)) {
                // a broker creates a group's dead-letter topic with its first dead letter: none yet
                return letters;
            }
            throw new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "cannot read the dead letters of " + group + " from RocketMQ (" + events.namesrv() + "): "
                            + e.getErrorMessage());
        } finally {
            consumer.shutdown();
        }
    }

    /** The name server answered that the topic does not exist (as opposed to not answering). */
    private static boolean topicMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MQClientException client && client.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return true;
            }
        }
        return false;
    }

    private DeadLetter letter(String group, MessageExt message) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        String eventId = null;
        Long aggregateId = null;
        try {
            IntegrationEvent event = read(group, message.getBody());
            eventId = event.eventId();
            aggregateId = event.aggregateId();
        } catch (EventJson.MalformedEvent unreadable) {
            // listed as it is; replay refuses it
        }
        return new DeadLetter(
                group,
                message.getMsgId(),
                message.getKeys(),
                message.getTags(),
                eventId,
                aggregateId,
                message.getReconsumeTimes(),
                Instant.ofEpochMilli(message.getStoreTimestamp()),
                body);
    }
}
