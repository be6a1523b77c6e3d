package com.tradeflow.web.outbox;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Operators' view of the outbox (admin bearer token required, see {@code WebSecurity}). */
@RestController
@Validated
class OutboxAdminController {

    private static final Logger log = LoggerFactory.getLogger(OutboxAdminController.class);
    private static final int MAX_LIMIT = 1000;

    private final OutboxRepository outbox;

    OutboxAdminController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /**
     * {@code GET /api/admin/outbox?status=DEAD&limit=100}: outbox rows in that status (PENDING, SENT or DEAD),
     * newest first, from every database; 400 for another status.
     */
    @GetMapping("/api/admin/outbox")
    List<OutboxEvent> list(@RequestParam(defaultValue = "DEAD") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return outbox.findByStatus(status(status), limit);
    }

    /**
     * {@code POST /api/admin/outbox/{eventId}/requeue}: a DEAD row goes back to PENDING with a fresh attempt budget
     * (after the cause of its failures is fixed); the relay sends it, then the order's later events. 404 for an
     * unknown id, 409 {@code EVENT_NOT_DEAD} for a row that is not DEAD.
     */
    @PostMapping("/api/admin/outbox/{eventId}/requeue")
    OutboxEvent requeue(@PathVariable @Size(max = 64) String eventId) {
        OutboxEvent row = outbox.find(eventId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no outbox event " + eventId));
        if (!outbox.requeue(row)) {
            throw new BusinessException(ErrorCode.EVENT_NOT_DEAD, "outbox event " + eventId + " is "
                    + row.status() + "; only DEAD events can be re-queued");
        }
        log.warn("outbox event {} ({} of {}) re-queued by an operator after {} failed sends", eventId,
                row.eventType(), row.aggregateId(), row.attempts());
        return outbox.find(eventId).orElseThrow();
    }

    private static OutboxStatus status(String status) {
        try {
            return OutboxStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "status must be one of "
                    + Arrays.toString(OutboxStatus.values()));
        }
    }
}
