package com.tradeflow.web.audit;

import java.time.Instant;

/**
 * One operator action: who ({@code operator}: the admin token's subject), when, what ({@code action}) to what
 * ({@code target}), and how it ended ({@code outcome} DONE or REFUSED; {@code detail}: the operator's note, or the
 * error code and message of a refusal).
 */
public record AuditEntry(
        long id, Instant actedAt, String operator, String action, String target, String outcome, String detail) {

    static final String DONE = "DONE";
    static final String REFUSED = "REFUSED";
}
