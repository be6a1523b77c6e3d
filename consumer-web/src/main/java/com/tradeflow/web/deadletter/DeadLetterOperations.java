package com.tradeflow.web.deadletter;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.IntegrationEvent;
import com.tradeflow.web.audit.AdminAudit;
import com.tradeflow.web.events.EventSender;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What operators see of the dead letters and do to them, for the admin endpoints and the console alike. */
@Service
public class DeadLetterOperations {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

    private final DeadLetters deadLetters;
    private final EventSender sender;
    private final AdminAudit audit;

    DeadLetterOperations(DeadLetters deadLetters, EventSender sender, AdminAudit audit) {
        this.deadLetters = deadLetters;
        this.sender = sender;
        this.audit = audit;
    }

    /** The consumer groups whose dead letters can be listed. */
    public List<String> groups() {
        return EventTopics.CONSUMER_GROUPS;
    }

    /**
     * The messages the group gave up on, oldest first.
     *
     * @throws BusinessException NOT_FOUND for a group that does not consume events
     */
    public List<DeadLetter> list(String group, int limit) {
        return deadLetters.list(group, limit);
    }

    /**
     * Sends the event again to the group's topic, in its order's (or top-up's) queue. Every subscriber receives it;
     * those that applied it already recognise it and change nothing, so replaying twice is harmless. Audited.
     *
     * @throws BusinessException NOT_FOUND for an unknown group or message, UNREADABLE_EVENT for a message that is
     *                           not an event of the group's topic, DEPENDENCY_UNAVAILABLE when the broker refused it
     */
    public Replayed replay(String group, String msgId, String operator) {
        return audit.record(operator, "dead-letter.replay", group + "/" + msgId, null, () -> {
            DeadLetter letter = deadLetters
                    .find(group, msgId)
                    .orElseThrow(() -> new BusinessException(
                            ErrorCode.NOT_FOUND, "no dead letter " + msgId + " in group " + group));
            IntegrationEvent event = deadLetters.event(letter);
            try {
                // a replay belongs to the operator's request
                sender.send(new EventSender.Outgoing(
                        EventTopics.topicOf(group),
                        event.eventId(),
                        event.aggregateId(),
                        event.type(),
                        letter.body(),
                        null));
            } catch (EventSender.SendFailed e) {
                throw new BusinessException(
                        ErrorCode.DEPENDENCY_UNAVAILABLE, "replay of " + msgId + " not sent: " + e.getMessage());
            }
            log.warn(
                    "dead letter {} of {} ({} {} of {}) replayed by {}",
                    msgId,
                    group,
                    event.type(),
                    event.eventId(),
                    event.aggregateId(),
                    operator);
            return new Replayed(group, msgId, event.eventId(), event.aggregateId(), Instant.now());
        });
    }

    /** What was replayed; the aggregate is the event's order or top-up. */
    public record Replayed(String group, String msgId, String eventId, long aggregateId, Instant replayedAt) {}
}
