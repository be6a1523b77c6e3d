package com.tradeflow.web.audit;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The operators' audit trail ({@code admin_audit} in the first order database): every action taken through the
 * admin endpoints or the console, done or refused, with who took it. The API and the console run each action through
 * {@link #record}, so the trail is the same whichever way an operator went.
 */
@Repository
public class AdminAudit {

    private static final Logger log = LoggerFactory.getLogger(AdminAudit.class);
    private static final int MAX_OPERATOR = 128;
    private static final int MAX_TARGET = 200;
    private static final int MAX_DETAIL = 500;
    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(
            rs.getLong("id"),
            rs.getTimestamp("acted_at").toInstant(),
            rs.getString("operator"),
            rs.getString("action"),
            rs.getString("target"),
            rs.getString("outcome"),
            rs.getString("detail"));

    private final JdbcTemplate jdbc;

    AdminAudit(BranchTypeRoutingDataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource.physicalPools().get(0));
    }

    /**
     * Runs an operator's action and records it: DONE with {@code detail} when it returns, REFUSED with the error code
     * and message when it refuses ({@link BusinessException}, rethrown). Anything else propagates unrecorded: the
     * action did not decide, and the caller sees an error to retry. A record the database does not take is written
     * to the log in full instead, and the caller still gets the action's answer (the action is done; a retry would
     * be refused).
     */
    public <T> T record(String operator, String action, String target, String detail, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (BusinessException refused) {
            insert(operator, action, target, AuditEntry.REFUSED, refused.code() + ": " + refused.getMessage());
            throw refused;
        }
        insert(operator, action, target, AuditEntry.DONE, detail);
        return result;
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        return jdbc.query("SELECT * FROM admin_audit ORDER BY id DESC LIMIT ?", ENTRY, limit);
    }

    private void insert(String operator, String action, String target, String outcome, String detail) {
        try {
            jdbc.update(
                    "INSERT INTO admin_audit (operator, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                    clip(operator, MAX_OPERATOR),
                    action,
                    clip(target, MAX_TARGET),
                    outcome,
                    clip(detail, MAX_DETAIL));
        } catch (DataAccessException e) {
            log.error(
                    "audit record not stored: operator={} action={} target={} outcome={} detail={}",
                    operator,
                    action,
                    target,
                    outcome,
                    detail,
                    e);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
