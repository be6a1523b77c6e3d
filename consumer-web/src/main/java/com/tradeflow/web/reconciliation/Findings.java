package com.tradeflow.web.reconciliation;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQL over the reconciliation's findings and watermarks, in the first order database (the job's home, like the
 * flash sales). One row per order and kind: found again, an open finding is refreshed; a cleared one opens again;
 * one an operator resolved stays resolved.
 */
@Repository
class Findings {

    /** The job's own name in {@code closed_by}. */
    static final String CLEARED_BY = "reconciliation";

    private static final RowMapper<Finding> FINDING = (rs, i) -> new Finding(rs.getLong("id"),
            rs.getLong("order_id"), rs.getLong("user_id"), FindingKind.valueOf(rs.getString("kind")),
            rs.getString("detail"), rs.getString("status"), instant(rs.getTimestamp("found_at")),
            instant(rs.getTimestamp("checked_at")), instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"),
            rs.getString("note"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Findings(BranchTypeRoutingDataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource.physicalPools().get(0));
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** An order checked, with what was found (empty: its books agree). */
    record Checked(long orderId, long userId, List<Disagreement> found) {
    }

    /**
     * Stores what a check of these orders found, and clears their open findings it did not find again.
     *
     * @return the findings opened or refreshed
     */
    int record(List<Checked> checks) {
        if (checks.isEmpty()) {
            return 0;
        }
        Map<Long, Set<FindingKind>> foundNow = new HashMap<>();
        int recorded = 0;
        for (Checked check : checks) {
            foundNow.put(check.orderId(), check.found().stream().map(Disagreement::kind).collect(Collectors.toSet()));
            for (Disagreement d : check.found()) {
                jdbc.update("""
                        INSERT INTO reconciliation_findings (order_id, user_id, kind, detail, status)
                        VALUES (?, ?, ?, ?, 'OPEN')
                        ON DUPLICATE KEY UPDATE detail = VALUES(detail), checked_at = NOW(3),
                            closed_at = IF(status = 'RESOLVED', closed_at, NULL),
                            closed_by = IF(status = 'RESOLVED', closed_by, NULL),
                            status = IF(status = 'RESOLVED', status, 'OPEN')""",
                        check.orderId(), check.userId(), d.kind().name(), d.detail());
                recorded++;
            }
        }
        List<Long> cleared = new ArrayList<>();
        named.query("""
                SELECT id, order_id, kind FROM reconciliation_findings
                WHERE status = 'OPEN' AND order_id IN (:ids)""", new MapSqlParameterSource("ids", foundNow.keySet()),
                rs -> {
                    if (!foundNow.get(rs.getLong("order_id")).contains(FindingKind.valueOf(rs.getString("kind")))) {
                        cleared.add(rs.getLong("id"));
                    }
                });
        if (!cleared.isEmpty()) {
            named.update("""
                    UPDATE reconciliation_findings SET status = 'CLEARED', closed_at = NOW(3), closed_by = :by
                    WHERE id IN (:ids) AND status = 'OPEN'""",
                    new MapSqlParameterSource("ids", cleared).addValue("by", CLEARED_BY));
        }
        return recorded;
    }

    /** Orders with open findings, lowest id first: the job checks them again each pass. */
    List<Checked> openOrders(int limit) {
        return jdbc.query("""
                SELECT order_id, MIN(user_id) AS user_id FROM reconciliation_findings WHERE status = 'OPEN'
                GROUP BY order_id ORDER BY order_id LIMIT ?""",
                (rs, i) -> new Checked(rs.getLong("order_id"), rs.getLong("user_id"), List.of()), limit);
    }

    long countOpen() {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_findings WHERE status = 'OPEN'",
                Long.class);
        return open == null ? 0 : open;
    }

    /** Findings in this status, newest first. */
    List<Finding> list(String status, int limit) {
        return jdbc.query("SELECT * FROM reconciliation_findings WHERE status = ? ORDER BY id DESC LIMIT ?", FINDING,
                status, limit);
    }

    Optional<Finding> find(long id) {
        return jdbc.query("SELECT * FROM reconciliation_findings WHERE id = ?", FINDING, id).stream().findFirst();
    }

    /** An operator closes an open finding. @return false when it is not open */
    boolean resolve(long id, String operator, String note) {
        return jdbc.update("""
                UPDATE reconciliation_findings SET status = 'RESOLVED', closed_at = NOW(3), closed_by = ?, note = ?
                WHERE id = ? AND status = 'OPEN'""", operator, note, id) == 1;
    }

    /** Where the job stands in one orders table. */
    record Watermark(Instant updatedAt, long orderId) {
        static final Watermark START = new Watermark(Instant.EPOCH, 0);
    }

    Map<String, Watermark> watermarks() {
        Map<String, Watermark> marks = new HashMap<>();
        jdbc.query("SELECT source, updated_at, order_id FROM reconciliation_watermarks", rs -> {
            marks.put(rs.getString("source"), new Watermark(rs.getTimestamp("updated_at").toInstant(),
                    rs.getLong("order_id")));
        });
        return marks;
    }

    void advance(String source, Watermark mark) {
        jdbc.update("""
                INSERT INTO reconciliation_watermarks (source, updated_at, order_id) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at), order_id = VALUES(order_id)""",
                source, Timestamp.from(mark.updatedAt()), mark.orderId());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
