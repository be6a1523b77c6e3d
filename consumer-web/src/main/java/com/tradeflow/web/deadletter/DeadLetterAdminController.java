package com.tradeflow.web.deadletter;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.web.events.OrderEventSender;
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
    private final OrderEventSender sender;

    DeadLetterAdminController(DeadLetters deadLetters, OrderEventSender sender) {
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
     * {@code POST /api/admin/dead-letters/{group}/{msgId}/replay}: sends the event again to the order-events topic,
     * in its order's queue (202). Every subscriber receives it; those that applied it already recognise its event
     * id and change nothing, so replaying twice is harmless. 404 for an unknown group or message, 422
     * {@code UNREADABLE_EVENT} for a message that is not an order event.
     */
    @PostMapping("/api/admin/dead-letters/{group}/{msgId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(@PathVariable @Size(max = 64) String group, @PathVariable @Size(max = 128) String msgId) {
        DeadLetter letter = deadLetters.find(group, msgId).orElseThrow(() -> new BusinessException(
                ErrorCode.NOT_FOUND, "no dead letter " + msgId + " in group " + group));
        OrderEvent event = deadLetters.event(letter);
        try {
            sender.send(event.eventId(), event.orderId(), event.type(), letter.body());
        } catch (OrderEventSender.SendFailed e) {
            throw new BusinessException(ErrorCode.DEPENDENCY_UNAVAILABLE, "replay of " + msgId + " not sent: "
                    + e.getMessage());
        }
        log.warn("dead letter {} of {} ({} {} of order {}) replayed by an operator", msgId, group, event.type(),
                event.eventId(), event.orderId());
        return new Replayed(group, msgId, event.eventId(), event.orderId(), Instant.now());
    }

    /** What was replayed. */
    record Replayed(String group, String msgId, String eventId, long orderId, Instant replayedAt) {
    }
}
