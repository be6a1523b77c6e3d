package com.tradeflow.web.topup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL over stored notifications ({@code payment_notifications}), in the database of their top-up's user. */
@Repository
class PaymentNotificationRepository {

    /** A notification as stored: the raw body and, once processed, what processing did. */
    record Stored(
            String notificationId, long userId, String merchantOrderNo, String body, String state, String outcome) {

        boolean processed() {
            return PROCESSED.equals(state);
        }
    }

    static final String RECEIVED = "RECEIVED";
    static final String PROCESSED = "PROCESSED";
    private static final RowMapper<Stored> ROW = (rs, i) -> new Stored(
            rs.getString("notification_id"),
            rs.getLong("user_id"),
            rs.getString("merchant_order_no"),
            rs.getString("body"),
            rs.getString("state"),
            rs.getString("outcome"));

    private final JdbcTemplate jdbc;

    PaymentNotificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Insert-first on the notification id. @throws org.springframework.dao.DuplicateKeyException a repeat */
    void insert(PaymentNotification n, long userId, String rawBody, Instant signedAt) {
        jdbc.update(
                """
                INSERT INTO payment_notifications (notification_id, user_id, merchant_order_no, payment_status, body,
                                                   signed_at, state, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                n.notificationId(),
                userId,
                n.merchantOrderNo(),
                n.status().name(),
                rawBody,
                Timestamp.from(signedAt),
                RECEIVED,
                Timestamp.from(Instant.now()));
    }

    Optional<Stored> find(String notificationId, long userId) {
        return jdbc
                .query(
                        "SELECT * FROM payment_notifications WHERE notification_id = ? AND user_id = ?",
                        ROW,
                        notificationId,
                        userId)
                .stream()
                .findFirst();
    }

    /** In the transaction that applied it; the first outcome stays. */
    void markProcessed(String notificationId, long userId, String outcome) {
        jdbc.update("""
                UPDATE payment_notifications SET state = ?, outcome = ?, processed_at = ?
                WHERE notification_id = ? AND user_id = ? AND state = ?
                """, PROCESSED, outcome, Timestamp.from(Instant.now()), notificationId, userId, RECEIVED);
    }

    /** Notifications of one physical database stored before {@code before} and still not processed. */
    static List<Stored> stuck(JdbcTemplate database, Instant before, int limit) {
        return database.query("""
                SELECT * FROM payment_notifications WHERE state = ? AND received_at < ?
                ORDER BY received_at LIMIT ?""", ROW, RECEIVED, Timestamp.from(before), limit);
    }
}
