package com.tradeflow.web.reconciliation;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Operators' view of the reconciliation (admin role required, see {@code WebSecurity}). */
@RestController
@Validated
class ReconciliationAdminController {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationAdminController.class);
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> STATUSES = Set.of(Finding.OPEN, Finding.CLEARED, Finding.RESOLVED);

    private final Findings findings;
    private final ReconciliationJob job;

    ReconciliationAdminController(Findings findings, ReconciliationJob job) {
        this.findings = findings;
        this.job = job;
    }

    /**
     * @param lastPass when the last pass ended (null: none since this instance started; another instance may run
     *                 them)
     * @param open     findings open, over all orders
     * @param findings the findings asked for, newest first
     */
    record Report(Instant lastPass, long open, List<Finding> findings) {
    }

    /** What an operator says on resolving a finding: what was done about it (kept with the finding). */
    record Resolution(@NotBlank @Size(max = 500) String note) {
    }

    /**
     * {@code GET /api/admin/reconciliation?status=OPEN&limit=100}: the open findings count, the last pass of this
     * instance, and the findings in that status (OPEN, CLEARED or RESOLVED), newest first; 400 for another status.
     */
    @GetMapping("/api/admin/reconciliation")
    Report report(@RequestParam(defaultValue = Finding.OPEN) String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        String wanted = status.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "status must be one of " + STATUSES);
        }
        return new Report(job.lastPass(), findings.countOpen(), findings.list(wanted, limit));
    }

    /**
     * {@code POST /api/admin/reconciliation/findings/{id}/resolve} with {@code {"note": "..."}}: an operator closes
     * an open finding once the books were put right or the difference accepted; who, when and the note are kept
     * with it. 404 for an unknown id, 409 {@code FINDING_NOT_OPEN} for one that is closed already.
     */
    @PostMapping("/api/admin/reconciliation/findings/{id}/resolve")
    Finding resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution, Principal operator) {
        Finding finding = findings.find(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no reconciliation finding " + id));
        if (!findings.resolve(id, operator.getName(), resolution.note())) {
            throw new BusinessException(ErrorCode.FINDING_NOT_OPEN, "reconciliation finding " + id + " is "
                    + finding.status() + "; only OPEN findings can be resolved");
        }
        log.warn("reconciliation finding {} ({} of order {}) resolved by {}: {}", id, finding.kind(),
                finding.orderId(), operator.getName(), resolution.note());
        return findings.find(id).orElseThrow();
    }
}
