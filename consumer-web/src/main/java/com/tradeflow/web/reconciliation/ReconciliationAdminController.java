package com.tradeflow.web.reconciliation;

import com.tradeflow.web.reconciliation.ReconciliationOperations.Report;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the reconciliation's findings (admin bearer token required, see {@code WebSecurity}). */
@RestController
@Validated
class ReconciliationAdminController {

    private static final int MAX_LIMIT = 1000;

    private final ReconciliationOperations reconciliation;

    ReconciliationAdminController(ReconciliationOperations reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** What an operator says on resolving a finding: what was done about it (kept with the finding). */
    record Resolution(
            @NotBlank @Size(max = ReconciliationOperations.MAX_NOTE)
            String note) {}

    /**
     * {@code GET /api/admin/reconciliation?status=OPEN&limit=100}: the open findings count, the last pass of this
     * instance, and the findings in that status (OPEN, CLEARED or RESOLVED), newest first; 400 for another status.
     */
    @GetMapping("/api/admin/reconciliation")
    Report report(
            @RequestParam(defaultValue = Finding.OPEN) String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return reconciliation.report(status, limit);
    }

    /**
     * {@code POST /api/admin/reconciliation/findings/{id}/resolve} with {@code {"note": "..."}}: an operator closes
     * an open finding once the books were put right or the difference accepted; who, when and the note are kept
     * with it. 404 for an unknown id, 409 {@code FINDING_NOT_OPEN} for one that is closed already. Audited
     * ({@code GET /api/admin/audit}).
     */
    @PostMapping("/api/admin/reconciliation/findings/{id}/resolve")
    Finding resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution, Principal operator) {
        return reconciliation.resolve(id, operator.getName(), resolution.note());
    }
}
