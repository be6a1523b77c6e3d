package com.tradeflow.web.deadletter;

import com.tradeflow.web.deadletter.DeadLetterOperations.Replayed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the dead-letter topics of the order-event subscribers (admin bearer token required). */
@RestController
@Validated
class DeadLetterAdminController {

    private static final int MAX_LIMIT = 1000;

    private final DeadLetterOperations deadLetters;

    DeadLetterAdminController(DeadLetterOperations deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * {@code GET /api/admin/dead-letters/{group}?limit=100}: the messages the group gave up on, oldest first; 404
     * for a group that does not consume order events.
     */
    @GetMapping("/api/admin/dead-letters/{group}")
    List<DeadLetter> list(
            @PathVariable @Size(max = 64) String group,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return deadLetters.list(group, limit);
    }

    /**
     * {@code POST /api/admin/dead-letters/{group}/{msgId}/replay}: sends the event again to the group's topic, in
     * its order's (or top-up's) queue (202). Every subscriber receives it; those that applied it already recognise
     * it (event id, or the top-up's merchant order number) and change nothing, so replaying twice is harmless. 404
     * for an unknown group or message, 422 {@code UNREADABLE_EVENT} for a message that is not an event of the
     * group's topic. Audited ({@code GET /api/admin/audit}).
     */
    @PostMapping("/api/admin/dead-letters/{group}/{msgId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(
            @PathVariable @Size(max = 64) String group,
            @PathVariable @Size(max = 128) String msgId,
            Principal operator) {
        return deadLetters.replay(group, msgId, operator.getName());
    }
}
