package com.tradeflow.web.order;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** SQL over the sharded orders and the Idempotency-Key records (through ShardingSphere). */
@Repository
public class OrderRepository {

    private static final int USER_ORDERS_LIMIT = 100;
    private static final RowMapper<Order> ORDER = (rs, i) -> new Order(rs.getLong("order_id"),
            rs.getLong("user_id"), rs.getLong("sku_id"), rs.getInt("quantity"), rs.getLong("amount"),
            OrderStatus.valueOf(rs.getString("status")), TransactionMode.valueOf(rs.getString("mode")),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The order row and its Idempotency-Key record in one local transaction: under a global transaction, one
     * branch per physical database touched.
     */
    @Transactional
    public void insert(Order order, String idempotencyKey, String fingerprint) {
        jdbc.update("""
                INSERT INTO orders (order_id, user_id, sku_id, quantity, amount, status, mode, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", order.orderId(), order.userId(), order.skuId(),
                order.quantity(), order.amount(), order.status().name(), order.mode().name(),
                Timestamp.from(order.createdAt()));
        if (idempotencyKey != null) {
            jdbc.update("""
                    INSERT INTO order_requests (idempotency_key, request_hash, order_id, user_id)
                    VALUES (?, ?, ?, ?)""", idempotencyKey, fingerprint, order.orderId(), order.userId());
        }
    }

    Optional<Order> find(long orderId) {
        return jdbc.query("SELECT * FROM orders WHERE order_id = ?", ORDER, orderId).stream().findFirst();
    }

    List<Order> findByUser(long userId) {
        return jdbc.query("SELECT * FROM orders WHERE user_id = ? ORDER BY created_at DESC, order_id DESC LIMIT ?",
                ORDER, userId, USER_ORDERS_LIMIT);
    }

    Optional<StoredRequest> findRequest(String idempotencyKey) {
        return jdbc.query("SELECT request_hash, order_id FROM order_requests WHERE idempotency_key = ?",
                (rs, i) -> new StoredRequest(rs.getString(1), rs.getLong(2)), idempotencyKey).stream().findFirst();
    }

    /** What an Idempotency-Key was first used for. */
    record StoredRequest(String fingerprint, long orderId) {
    }
}
