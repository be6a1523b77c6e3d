package com.tradeflow.web.topup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL over top-ups through the sharded data source: every write names the user, so it goes to the one database of
 * the top-up (an update without the sharding key would run in every database and take gap locks where the row is
 * not). Reads by id or merchant order number look in every database. Times come from this process's clock.
 */
@Repository
public class TopUpRepository {

    static final RowMapper<TopUp> ROW = (rs, i) -> new TopUp(
            rs.getLong("top_up_id"),
            rs.getLong("user_id"),
            rs.getString("merchant_order_no"),
            rs.getLong("amount"),
            rs.getString("idempotency_key"),
            TopUpStatus.valueOf(rs.getString("status")),
            rs.getString("notify_url"),
            rs.getString("payment_id"),
            instant(rs.getTimestamp("submitted_at")),
            rs.getString("resolved_by"),
            rs.getString("failure_reason"),
            rs.getInt("checks"),
            instant(rs.getTimestamp("next_check_at")),
            rs.getString("last_error"),
            rs.getString("review_reason"),
            instant(rs.getTimestamp("review_since")),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("finished_at")));

    private static final int IDS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;

    TopUpRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TopUp t) {
        jdbc.update(
                """
                INSERT INTO top_ups (top_up_id, user_id, merchant_order_no, amount, idempotency_key, status,
                                     notify_url, next_check_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                t.topUpId(),
                t.userId(),
                t.merchantOrderNo(),
                t.amount(),
                t.idempotencyKey(),
                t.status().name(),
                t.notifyUrl(),
                Timestamp.from(t.nextCheckAt()),
                Timestamp.from(t.createdAt()));
    }

    Optional<TopUp> find(long topUpId) {
        return jdbc.query("SELECT * FROM top_ups WHERE top_up_id = ?", ROW, topUpId).stream()
                .findFirst();
    }

    /** Top-ups by id, whoever their users (a page of ids per statement). */
    public Map<Long, TopUp> findAll(List<Long> topUpIds) {
        Map<Long, TopUp> found = new HashMap<>();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        for (int from = 0; from < topUpIds.size(); from += IDS_PER_STATEMENT) {
            named.query(
                            "SELECT * FROM top_ups WHERE top_up_id IN (:ids)",
                            new MapSqlParameterSource(
                                    "ids", topUpIds.subList(from, Math.min(topUpIds.size(), from + IDS_PER_STATEMENT))),
                            ROW)
                    .forEach(topUp -> found.put(topUp.topUpId(), topUp));
        }
        return found;
    }

    Optional<TopUp> find(long topUpId, long userId) {
        return jdbc.query("SELECT * FROM top_ups WHERE top_up_id = ? AND user_id = ?", ROW, topUpId, userId).stream()
                .findFirst();
    }

    Optional<TopUp> findByMerchantOrderNo(String merchantOrderNo) {
        return jdbc.query("SELECT * FROM top_ups WHERE merchant_order_no = ?", ROW, merchantOrderNo).stream()
                .findFirst();
    }

    Optional<TopUp> findByKey(long userId, String idempotencyKey) {
        return jdbc
                .query("SELECT * FROM top_ups WHERE user_id = ? AND idempotency_key = ?", ROW, userId, idempotencyKey)
                .stream()
                .findFirst();
    }

    /** The row, locked until the caller's transaction ends: settlements of one top-up run one after the other. */
    Optional<TopUp> lock(long userId, String merchantOrderNo) {
        return jdbc
                .query(
                        "SELECT * FROM top_ups WHERE user_id = ? AND merchant_order_no = ? FOR UPDATE",
                        ROW,
                        userId,
                        merchantOrderNo)
                .stream()
                .findFirst();
    }

    /** The gateway has the payment (the first answer's payment id is kept). */
    void markSubmitted(TopUp t, String paymentId) {
        jdbc.update("""
                UPDATE top_ups SET submitted_at = COALESCE(submitted_at, ?), payment_id = COALESCE(payment_id, ?),
                                   last_error = NULL
                WHERE top_up_id = ? AND user_id = ?
                """, Timestamp.from(Instant.now()), paymentId, t.topUpId(), t.userId());
    }

    /** PENDING -> final, once. @return false when it was final already (nothing changed) */
    boolean finish(TopUp t, TopUpStatus status, String paymentId, String resolvedBy, String failureReason) {
        return jdbc.update(
                        """
                UPDATE top_ups SET status = ?, payment_id = COALESCE(?, payment_id), resolved_by = ?,
                                   failure_reason = ?, finished_at = ?, last_error = NULL
                WHERE top_up_id = ? AND user_id = ? AND status = 'PENDING'""",
                        status.name(),
                        paymentId,
                        resolvedBy,
                        failureReason,
                        Timestamp.from(Instant.now()),
                        t.topUpId(),
                        t.userId())
                == 1;
    }

    /** The next reconciliation check of a top-up still PENDING. */
    void scheduleCheck(TopUp t, int checks, Instant next, String error) {
        jdbc.update("""
                UPDATE top_ups SET checks = ?, next_check_at = ?, last_error = ?
                WHERE top_up_id = ? AND user_id = ? AND status = 'PENDING'
                """, checks, Timestamp.from(next), error, t.topUpId(), t.userId());
    }

    /** Flags it for manual review, once (the first reason stays). @return false when it was flagged before */
    boolean flagForReview(TopUp t, String reason) {
        return jdbc.update("""
                UPDATE top_ups SET review_reason = ?, review_since = ?
                WHERE top_up_id = ? AND user_id = ? AND review_reason IS NULL
                """, reason, Timestamp.from(Instant.now()), t.topUpId(), t.userId()) == 1;
    }

    /**
     * A result that contradicts the top-up (another amount, the other final status): flagged with this reason,
     * replacing a milder earlier one, whatever its status.
     */
    void flagConflict(TopUp t, String reason) {
        jdbc.update("""
                UPDATE top_ups SET review_reason = ?, review_since = ?
                WHERE top_up_id = ? AND user_id = ?""", reason, Timestamp.from(Instant.now()), t.topUpId(), t.userId());
    }

    /**
     * Top-ups an operator must look at, over every database, oldest first: flagged and still PENDING, or flagged
     * after they were finished (a contradicting result). One flagged while PENDING that then settled normally is
     * not listed any more.
     */
    List<TopUp> inReview(int limit) {
        return jdbc.query("""
                SELECT * FROM top_ups
                WHERE review_reason IS NOT NULL AND (status = 'PENDING' OR review_since >= finished_at)
                ORDER BY created_at LIMIT ?""", ROW, limit);
    }

    /** PENDING top-ups due for a reconciliation check, in one physical database. */
    static List<TopUp> due(JdbcTemplate database, Instant now, int limit) {
        return database.query("""
                SELECT * FROM top_ups WHERE status = 'PENDING' AND next_check_at <= ?
                ORDER BY next_check_at LIMIT ?""", ROW, Timestamp.from(now), limit);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
