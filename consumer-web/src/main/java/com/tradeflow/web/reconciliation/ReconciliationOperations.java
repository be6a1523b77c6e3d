package com.tradeflow.web.reconciliation;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.audit.AdminAudit;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What operators see of the reconciliation and do about its findings, for the admin endpoints and the console. */
@Service
public class ReconciliationOperations {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationOperations.class);
    /** What a finding can be: open, cleared by a later check, resolved by an operator. */
    public static final List<String> STATUSES = List.of(Finding.OPEN, Finding.CLEARED, Finding.RESOLVED);
    /** The longest note an operator can leave on resolving a finding (its column's size). */
    public static final int MAX_NOTE = 500;

    private final Findings findings;
    private final ReconciliationJob job;
    private final AdminAudit audit;

    ReconciliationOperations(Findings findings, ReconciliationJob job, AdminAudit audit) {
        this.findings = findings;
        this.job = job;
        this.audit = audit;
    }

    /**
     * @param lastPass when the last pass ended (null: none since this instance started; another instance may run
     *                 them)
     * @param open     findings open, over all orders
     * @param findings the findings asked for, newest first
     */
    public record Report(Instant lastPass, long open, List<Finding> findings) {}

    /**
     * The open findings count, the last pass of this instance, and the findings in {@code status} (OPEN, CLEARED or
     * RESOLVED), newest first.
     *
     * @throws BusinessException VALIDATION_FAILED for another status
     */
    public Report report(String status, int limit) {
        String wanted = status.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "status must be one of " + STATUSES);
        }
        return new Report(job.lastPass(), findings.countOpen(), findings.list(wanted, limit));
    }

    /**
     * An operator closes an open finding once the books were put right or the difference accepted; who, when and
     * the note are kept with it. Audited.
     *
     * @throws BusinessException VALIDATION_FAILED without a note of 1 to {@value #MAX_NOTE} characters, NOT_FOUND for
     *                           an unknown id, FINDING_NOT_OPEN for one that is closed already
     */
    public Finding resolve(long id, String operator, String note) {
        return audit.record(operator, "finding.resolve", String.valueOf(id), note, () -> {
            if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
                throw new BusinessException(
                        ErrorCode.VALIDATION_FAILED,
                        "say what was done about the finding: a " + "note of 1 to " + MAX_NOTE + " characters");
            }
            Finding finding = findings.find(id)
                    .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no reconciliation finding " + id));
            if (!findings.resolve(id, operator, note)) {
                throw new BusinessException(
                        ErrorCode.FINDING_NOT_OPEN,
                        "reconciliation finding " + id + " is " + finding.status()
                                + "; only OPEN findings can be resolved");
            }
            log.warn(
                    "reconciliation finding {} ({} of {} {}) resolved by {}: {}",
                    id,
                    finding.kind(),
                    finding.subject(),
                    finding.subjectId(),
                    operator,
                    note);
            return findings.find(id).orElseThrow();
        });
    }
}
