package com.tradeflow.web.reconciliation;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL over the reconciliation's findings and watermarks, in the first order database (the job's home, like the
 * flash sales). One row per subject (an order, a wallet ...) and kind: found again, an open finding is refreshed; a
 * cleared one opens again; one an operator resolved stays resolved.
 */
@Repository
class Findings {

    /** The job's own name in {@code closed_by}. */
    static final String CLEARED_BY = "reconciliation";
    /** reconciliation_findings.detail's size. */
    private static final int MAX_DETAIL = 500;

    private static final RowMapper<Finding> FINDING = (rs, i) -> new Finding(
            rs.getLong("id"),
            Subject.valueOf(rs.getString("subject")),
            rs.getString("subject_id"),
            rs.getObject("order_id", Long.class),
            rs.getObject("user_id", Long.class),
            FindingKind.valueOf(rs.getString("kind")),
            rs.getString("detail"),
            rs.getString("status"),
            instant(rs.getTimestamp("found_at")),
            instant(rs.getTimestamp("checked_at")),
            instant(rs.getTimestamp("closed_at")),
            rs.getString("closed_by"),
            rs.getString("note"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Findings(BranchTypeRoutingDataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource.physicalPools().get(0));
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * A subject checked, with what was found (empty: its books agree).
     *
     * @param orderId the order's id when the subject is one, else null
     * @param userId  the user concerned, when there is one
     */
    record Checked(Subject subject, String subjectId, Long orderId, Long userId, List<Disagreement> found) {

        static Checked order(long orderId, long userId, List<Disagreement> found) {
            return new Checked(Subject.ORDER, Long.toString(orderId), orderId, userId, found);
        }

        static Checked of(Subject subject, Object subjectId, Long userId, List<Disagreement> found) {
            return new Checked(subject, subjectId.toString(), null, userId, found);
        }
    }

    /**
     * Stores what a check of these subjects found, and clears their open findings it did not find again.
     *
     * @return the findings opened or refreshed
     */
    int record(List<Checked> checks) {
        return record(checks, EnumSet.allOf(FindingKind.class));
    }

    /**
     * The same, for a check that decides only these kinds: open findings of other kinds (another check's, about
     * the same subject) are left as they are.
     */
    int record(List<Checked> checks, Set<FindingKind> decided) {
        if (checks.isEmpty()) {
            return 0;
        }
        int recorded = 0;
        Map<Subject, Map<String, Set<FindingKind>>> foundNow = new EnumMap<>(Subject.class);
        for (Checked check : checks) {
            foundNow.computeIfAbsent(check.subject(), s -> new HashMap<>())
                    .put(
                            check.subjectId(),
                            check.found().stream().map(Disagreement::kind).collect(Collectors.toSet()));
            for (Disagreement d : check.found()) {
                jdbc.update(
                        """
                        INSERT INTO reconciliation_findings (subject, subject_id, order_id, user_id, kind, detail,
                                                             status)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN')
                        ON DUPLICATE KEY UPDATE detail = VALUES(detail), checked_at = NOW(3),
                            closed_at = IF(status = 'RESOLVED', closed_at, NULL),
                            closed_by = IF(status = 'RESOLVED', closed_by, NULL),
                            status = IF(status = 'RESOLVED', status, 'OPEN')""",
                        check.subject().name(),
                        check.subjectId(),
                        check.orderId(),
                        check.userId(),
                        d.kind().name(),
                        fitted(d.detail()));
                recorded++;
            }
        }
        foundNow.forEach((subject, found) -> clearNotFound(subject, found, decided));
        return recorded;
    }

    /** A detail cut to its column's size: a long one (a sale's many problems) must not fail the pass. */
    static String fitted(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** Clears the open findings of these subjects, of the kinds decided, whose kind was not found again. */
    private void clearNotFound(Subject subject, Map<String, Set<FindingKind>> foundNow, Set<FindingKind> decided) {
        List<Long> cleared = new ArrayList<>();
        named.query(
                """
                SELECT id, subject_id, kind FROM reconciliation_findings
                WHERE status = 'OPEN' AND subject = :subject AND subject_id IN (:ids)
                """, new MapSqlParameterSource("ids", foundNow.keySet()).addValue("subject", subject.name()), rs -> {
                    FindingKind kind = FindingKind.valueOf(rs.getString("kind"));
                    if (decided.contains(kind)
                            && !foundNow.get(rs.getString("subject_id")).contains(kind)) {
                        cleared.add(rs.getLong("id"));
                    }
                });
        if (!cleared.isEmpty()) {
            named.update("""
                    UPDATE reconciliation_findings SET status = 'CLEARED', closed_at = NOW(3), closed_by = :by
                    WHERE id IN (:ids) AND status = 'OPEN'
                    """, new MapSqlParameterSource("ids", cleared).addValue("by", CLEARED_BY));
        }
    }

    /** Orders with open findings, lowest id first: the job checks them again each pass. */
    List<Checked> openOrders(int limit) {
        return jdbc.query(
                """
                SELECT order_id, MIN(user_id) AS user_id FROM reconciliation_findings
                WHERE status = 'OPEN' AND subject = 'ORDER'
                GROUP BY order_id ORDER BY order_id LIMIT ?
                """, (rs, i) -> Checked.order(rs.getLong("order_id"), rs.getLong("user_id"), List.of()), limit);
    }

    /** The ids of the subjects with open findings of these kinds: the job checks them again each pass. */
    List<String> openSubjects(Subject subject, Set<FindingKind> kinds, int limit) {
        return named.queryForList(
                """
                SELECT DISTINCT subject_id FROM reconciliation_findings
                WHERE status = 'OPEN' AND subject = :subject AND kind IN (:kinds)
                ORDER BY subject_id LIMIT :limit""",
                new MapSqlParameterSource("subject", subject.name())
                        .addValue("kinds", kinds.stream().map(Enum::name).toList())
                        .addValue("limit", limit),
                String.class);
    }

    long countOpen() {
        Long open =
                jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_findings WHERE status = 'OPEN'", Long.class);
        return open == null ? 0 : open;
    }

    /** Findings in this status, newest first. */
    List<Finding> list(String status, int limit) {
        return jdbc.query(
                "SELECT * FROM reconciliation_findings WHERE status = ? ORDER BY id DESC LIMIT ?",
                FINDING,
                status,
                limit);
    }

    Optional<Finding> find(long id) {
        return jdbc.query("SELECT * FROM reconciliation_findings WHERE id = ?", FINDING, id).stream()
                .findFirst();
    }

    /** An operator closes an open finding. @return false when it is not open */
    boolean resolve(long id, String operator, String note) {
        return jdbc.update("""
                UPDATE reconciliation_findings SET status = 'RESOLVED', closed_at = NOW(3), closed_by = ?, note = ?
                WHERE id = ? AND status = 'OPEN'""", operator, note, id) == 1;
    }

    /** Where the job stands in one orders table: the last order checked, by (last change, order id). */
    record Watermark(Instant updatedAt, long orderId) {
        static final Watermark START = new Watermark(Instant.EPOCH, 0);
    }

    Map<String, Watermark> watermarks() {
        Map<String, Watermark> marks = new HashMap<>();
        jdbc.query("SELECT source, updated_at, order_id FROM reconciliation_watermarks", rs -> {
            marks.put(
                    rs.getString("source"),
                    new Watermark(rs.getTimestamp("updated_at").toInstant(), rs.getLong("order_id")));
        });
        return marks;
    }

    void advance(String source, Watermark mark) {
        jdbc.update("""
                INSERT INTO reconciliation_watermarks (source, updated_at, order_id) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at), order_id = VALUES(order_id)
                """, source, Timestamp.from(mark.updatedAt()), mark.orderId());
    }

    /** Where the job stands in a source read by position; null: at its start. */
    String position(String source) {
        return jdbc
                .queryForList(
                        "SELECT next_position FROM reconciliation_watermarks WHERE source = ?", String.class, source)
                .stream()
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    void advance(String source, String position) {
        jdbc.update("""
                INSERT INTO reconciliation_watermarks (source, updated_at, order_id, next_position)
                VALUES (?, NOW(3), 0, ?)
                ON DUPLICATE KEY UPDATE updated_at = NOW(3), next_position = VALUES(next_position)
                """, source, position);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
