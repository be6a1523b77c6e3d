package com.tradeflow.web.outbox;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.audit.AdminAudit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What operators see of the outbox and do to it, for the admin endpoints and the console alike. */
@Service
public class OutboxOperations {

    private static final Logger log = LoggerFactory.getLogger(OutboxOperations.class);

    private final OutboxRepository outbox;
    private final AdminAudit audit;

    OutboxOperations(OutboxRepository outbox, AdminAudit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Rows in {@code status}, newest first, from every database. */
    public List<OutboxEvent> list(OutboxStatus status, int limit) {
        return outbox.findByStatus(status, limit);
    }

    /** How many rows wait (PENDING, TRANSACTIONAL) or were given up on (DEAD), over every database. */
    public Map<OutboxStatus, Long> unsentCounts() {
        return outbox.countUnsent();
    }

    /**
     * A DEAD row goes back to PENDING with a fresh attempt budget (after the cause of its failures is fixed); the
     * relay sends it, then the order's later events. Audited.
     *
     * @throws BusinessException NOT_FOUND for an unknown id, EVENT_NOT_DEAD for a row that is not DEAD
     */
    public OutboxEvent requeue(String eventId, String operator) {
        return audit.record(operator, "outbox.requeue", eventId, null, () -> {
            OutboxEvent row = outbox.find(eventId)
                    .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no outbox event " + eventId));
            if (!outbox.requeue(row)) {
                throw new BusinessException(
                        ErrorCode.EVENT_NOT_DEAD,
                        "outbox event " + eventId + " is " + row.status() + "; only DEAD events can be re-queued");
            }
            log.warn(
                    "outbox event {} ({} of {}) re-queued by {} after {} failed sends",
                    eventId,
                    row.eventType(),
                    row.aggregateId(),
                    operator,
                    row.attempts());
            return outbox.find(eventId).orElseThrow();
        });
    }

    /** @throws BusinessException VALIDATION_FAILED for a name that is not a status */
    public static OutboxStatus status(String status) {
        try {
            return OutboxStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED, "status must be one of " + Arrays.toString(OutboxStatus.values()));
        }
    }
}
