package com.tradeflow.web.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the outbox (admin bearer token required, see {@code WebSecurity}). */
@RestController
@Validated
class OutboxAdminController {

    private static final int MAX_LIMIT = 1000;

    private final OutboxOperations outbox;

    OutboxAdminController(OutboxOperations outbox) {
        this.outbox = outbox;
    }

    /**
     * {@code GET /api/admin/outbox?status=DEAD&limit=100}: outbox rows in that status (PENDING, SENT or DEAD),
     * newest first, from every database; 400 for another status.
     */
    @GetMapping("/api/admin/outbox")
    List<OutboxEvent> list(
            @RequestParam(defaultValue = "DEAD") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return outbox.list(OutboxOperations.status(status), limit);
    }

    /**
     * {@code POST /api/admin/outbox/{eventId}/requeue}: a DEAD row goes back to PENDING with a fresh attempt budget
     * (after the cause of its failures is fixed); the relay sends it, then the order's later events. 404 for an
     * unknown id, 409 {@code EVENT_NOT_DEAD} for a row that is not DEAD. Audited ({@code GET /api/admin/audit}).
     */
    @PostMapping("/api/admin/outbox/{eventId}/requeue")
    OutboxEvent requeue(@PathVariable @Size(max = 64) String eventId, Principal operator) {
        return outbox.requeue(eventId, operator.getName());
    }
}
