package com.tradeflow.web.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class AuditAdminController {

    private static final int MAX_LIMIT = 1000;

    private final AdminAudit audit;

    AuditAdminController(AdminAudit audit) {
        this.audit = audit;
    }

    /**
     * {@code GET /api/admin/audit?limit=100}: what operators did through the admin endpoints and the console (re-queued
     * outbox rows, replayed dead letters, resolved findings), newest first, refusals included.
     */
    @GetMapping("/api/admin/audit")
    List<AuditEntry> recent(@RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return audit.recent(limit);
    }
}
