package com.tradeflow.web.deadletter;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.IntegrationEvent;
import com.tradeflow.web.events.EventSender;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Operators' view of the dead-letter topics of the order-event subscribers (admin bearer token required). */
@RestController
@Validated
class DeadLetterAdminController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminController.class);
    private static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;
    private final EventSender sender;

    DeadLetterAdminController(DeadLetters deadLetters, EventSender sender) {
        this.deadLetters = deadLetters;
        this.sender = sender;
    }

    /**
     * {@code GET /api/admin/dead-letters/{group}?limit=100}: the messages the group gave up on, oldest first; 404
     * for a group that does not consume order events.
     */
    @GetMapping("/api/admin/dead-letters/{group}")
    List<DeadLetter> list(@PathVariable @Size(max = 64) String group,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return deadLetters.list(group, limit);
    }

    /**
     * {@code POST /api/admin/dead-letters/{group}/{msgId}/replay}: sends the event again to the group's topic, in
     * its order's (or top-up's) queue (202). Every subscriber receives it; those that applied it already recognise
     * it (event id, or the top-up's merchant order number) and change nothing, so replaying twice is harmless. 404
     * for an unknown group or message, 422 {@code UNREADABLE_EVENT} for a message that is not an event of the
     * group's topic.
     */
    @PostMapping("/api/admin/dead-letters/{group}/{msgId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(@PathVariable @Size(max = 64) String group, @PathVariable @Size(max = 128) String msgId) {
        DeadLetter letter = deadLetters.find(group, msgId).orElseThrow(() -> new BusinessException(
                ErrorCode.NOT_FOUND, "no dead letter " + msgId + " in group " + group));
        IntegrationEvent event = deadLetters.event(letter);
        try {
            sender.send(EventTopics.topicOf(group), event.eventId(), event.aggregateId(), event.type(),
                    letter.body());
        } catch (EventSender.SendFailed e) {
            throw new BusinessException(ErrorCode.DEPENDENCY_UNAVAILABLE, "replay of " + msgId + " not sent: "
                    + e.getMessage());
        }
        log.warn("dead letter {} of {} ({} {} of {}) replayed by an operator", msgId, group, event.type(),
                event.eventId(), event.aggregateId());
        return new Replayed(group, msgId, event.eventId(), event.aggregateId(), Instant.now());
    }

    /** What was replayed; the aggregate is the event's order or top-up. */
    record Replayed(String group, String msgId, String eventId, long aggregateId, Instant replayedAt) {
    }
}
