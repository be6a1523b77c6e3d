package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.web.outbox.OutboxRepository;
import com.tradeflow.web.outbox.OutboxStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * SQL over the sharded orders (each row with the Idempotency-Key of the request that placed it) and their global
 * transactions (through ShardingSphere, or straight on the user's database in work bound to the user; every write
 * names the user, so it stays in the user's database). Statements about a user's orders name their table with
 * {@link OrderTable}; those about orders of any user (an order by id alone) need ShardingSphere and run outside such
 * work. Every change a consumer must hear of writes its event to the outbox in the same local transaction.
 */
@Repository
public class OrderRepository {

    private static final int USER_ORDERS_LIMIT = 100;
    private static final int IDS_PER_STATEMENT = 500;
    /** An orders row as an {@link Order}: for whoever reads orders tables with SQL of its own (reconciliation). */
    public static final RowMapper<Order> ORDER_ROW = (rs, i) -> new Order(
            rs.getLong("order_id"),
            rs.getLong("user_id"),
            rs.getLong("sku_id"),
            rs.getInt("quantity"),
            rs.getLong("amount"),
            OrderStatus.valueOf(rs.getString("status")),
            TransactionMode.valueOf(rs.getString("mode")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("placed_xid"));

    private static final RowMapper<OrderTransaction> TRANSACTION = (rs, i) -> new OrderTransaction(
            rs.getString("xid"),
            rs.getLong("order_id"),
            rs.getLong("user_id"),
            rs.getString("action"),
            TransactionMode.valueOf(rs.getString("mode")),
            rs.getString("status"),
            rs.getTimestamp("finished_at").toInstant());

    private final JdbcTemplate jdbc;
    private final OrderTable table;
    private final OutboxRepository outbox;
    private final MessageTraces traces;

    OrderRepository(JdbcTemplate jdbc, OrderTable table, OutboxRepository outbox, MessageTraces traces) {
        this.jdbc = jdbc;
        this.table = table;
        this.outbox = outbox;
        this.traces = traces;
    }

    /**
     * The order row (with its Idempotency-Key) and its OrderPlaced event (outbox row in {@code status}) in one local
     * transaction: under an AT or XA global transaction, one branch (both rows live in the user's database).
     */
    @Transactional
    public void insert(Order order, String idempotencyKey, String fingerprint, OrderEvent placed, OutboxStatus status) {
        insertRows(order, idempotencyKey, fingerprint);
        outbox.append(placed, status);
    }

    /**
     * The order row of {@link #insert}, in the caller's transaction (a TCC try's). The order keeps the request's
     * trace (the console links to it, and a TCC confirm's event continues it), the global transaction placing it
     * (once that commits, the row is its record: {@link OrderTransaction#committedPlacementOf}) and the request's
     * Idempotency-Key with the fingerprint of its body (unique per user: a second order with the key fails).
     */
    void insertRows(Order order, String idempotencyKey, String fingerprint) {
        jdbc.update(
                "INSERT INTO " + table.ofUser(order.userId()) + """
                 (order_id, user_id, sku_id, quantity, amount, status, mode, created_at, trace_parent, placed_xid,
                 idempotency_key, request_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                order.orderId(),
                order.userId(),
                order.skuId(),
                order.quantity(),
                order.amount(),
                order.status().name(),
                order.mode().name(),
                Timestamp.from(order.createdAt()),
                traces.current(),
                order.placedXid(),
                idempotencyKey,
                idempotencyKey == null ? null : fingerprint);
    }

    /** AT and XA cancellation: PLACED -> CANCELLED and the OrderCancelled event, one local transaction. */
    @Transactional
    public void markCancelled(long orderId, long userId, OrderEvent cancelled, OutboxStatus status) {
        if (!changeStatus(orderId, userId, OrderStatus.PLACED, OrderStatus.CANCELLED)) {
            throw new BusinessException(ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is not PLACED");
        }
        outbox.append(cancelled, status);
    }

    /**
     * A status change with the event it announces (the id a TCC try chose), in the caller's transaction (a TCC
     * confirm's). Nothing, no event, when the order is not in status {@code from}.
     */
    void changeStatusAnnounced(
            long orderId,
            long userId,
            OrderStatus from,
            OrderStatus to,
            String eventType,
            String eventId,
            OutboxStatus status) {
        if (changeStatus(orderId, userId, from, to)) {
            // the coordinator runs the confirm outside the request: the event continues the order's trace
            Traced traced = jdbc
                    .query(
                            "SELECT * FROM " + table.ofUser(userId) + " WHERE order_id = ? AND user_id = ?",
                            TRACED,
                            orderId,
                            userId)
                    .stream()
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("order " + orderId + " vanished inside its own transaction"));
            outbox.append(traced.order().event(eventType, eventId), status, traced.traceParent());
        }
    }

    /** An order with the W3C traceparent of the request that placed it (null when it was not traced). */
    public record Traced(Order order, String traceParent) {}

    private static final RowMapper<Traced> TRACED =
            (rs, i) -> new Traced(ORDER_ROW.mapRow(rs, i), rs.getString("trace_parent"));

    /** An order by id alone (through ShardingSphere), with its trace. */
    Optional<Traced> findTraced(long orderId) {
        return jdbc.query("SELECT * FROM orders WHERE order_id = ?", TRACED, orderId).stream()
                .findFirst();
    }

    /**
     * @return false when the order is not in status {@code from} (nothing changed)
     * @throws IllegalArgumentException an order never goes from {@code from} to {@code to} ({@link OrderStatus})
     */
    boolean changeStatus(long orderId, long userId, OrderStatus from, OrderStatus to) {
        from.requireNext(to);
        return jdbc.update(
                        "UPDATE " + table.ofUser(userId)
                                + " SET status = ? WHERE order_id = ? AND user_id = ? AND status = ?",
                        to.name(),
                        orderId,
                        userId,
                        from.name())
                == 1;
    }

    /** Removes an order that never was (a TCC placement that is cancelled), its Idempotency-Key with it. */
    boolean deleteUnplaced(long orderId, long userId) {
        return jdbc.update(
                        "DELETE FROM " + table.ofUser(userId) + " WHERE order_id = ? AND user_id = ? AND status = ?",
                        orderId,
                        userId,
                        OrderStatus.PENDING.name())
                == 1;
    }

    Optional<Order> find(long orderId) {
        return jdbc.query("SELECT * FROM orders WHERE order_id = ?", ORDER_ROW, orderId).stream()
                .findFirst();
    }

    /** Orders by id, whoever their users (through ShardingSphere, a page of ids per statement). */
    public Map<Long, Order> findAll(List<Long> orderIds) {
        Map<Long, Order> found = new HashMap<>();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        for (int from = 0; from < orderIds.size(); from += IDS_PER_STATEMENT) {
            named.query(
                            "SELECT * FROM orders WHERE order_id IN (:ids)",
                            new MapSqlParameterSource(
                                    "ids", orderIds.subList(from, Math.min(orderIds.size(), from + IDS_PER_STATEMENT))),
                            ORDER_ROW)
                    .forEach(order -> found.put(order.orderId(), order));
        }
        return found;
    }

    public Optional<Order> find(long orderId, long userId) {
        return findOfUser(orderId, userId, "");
    }

    /**
     * {@link #find(long, long)} with the row locked until the caller's transaction ends ({@link DecidedOrders}): a
     * global transaction's branch cannot write the row meanwhile, nor an AT rollback restore it.
     */
    Optional<Order> findLocked(long orderId, long userId) {
        return findOfUser(orderId, userId, " FOR UPDATE");
    }

    private Optional<Order> findOfUser(long orderId, long userId, String lock) {
        return jdbc
                .query(
                        "SELECT * FROM " + table.ofUser(userId) + " WHERE order_id = ? AND user_id = ?" + lock,
                        ORDER_ROW,
                        orderId,
                        userId)
                .stream()
                .findFirst();
    }

    List<Order> findByUser(long userId) {
        return jdbc.query(
                "SELECT * FROM orders WHERE user_id = ? ORDER BY created_at DESC, order_id DESC LIMIT ?",
                ORDER_ROW,
                userId,
                USER_ORDERS_LIMIT);
    }

    Optional<StoredRequest> findRequest(long userId, String idempotencyKey) {
        return jdbc
                .query(
                        "SELECT request_hash, order_id FROM " + table.ofUser(userId)
                                + " WHERE user_id = ? AND idempotency_key = ?",
                        (rs, i) -> new StoredRequest(rs.getString(1), rs.getLong(2)),
                        userId,
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    /**
     * Written after the global transaction ended, outside it: it must survive a rollback. Not for a placement that
     * committed: its order row is its record.
     */
    void recordTransaction(OrderTransaction tx) {
        jdbc.update(
                """
                INSERT INTO order_transactions (xid, order_id, user_id, action, mode, status, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                tx.xid(),
                tx.orderId(),
                tx.userId(),
                tx.action(),
                tx.mode().name(),
                tx.status(),
                Timestamp.from(tx.finishedAt()));
    }

    void updateTransactionStatus(OrderTransaction tx, String status) {
        jdbc.update(
                "UPDATE order_transactions SET status = ? WHERE xid = ? AND user_id = ?",
                status,
                tx.xid(),
                tx.userId());
    }

    /**
     * Every global transaction run for the order, newest first: those recorded, and its placement when that
     * committed as it ran (recorded by the order row alone, listed last: a placement precedes any cancellation).
     */
    List<OrderTransaction> transactions(Order order) {
        List<OrderTransaction> recorded =
                new ArrayList<>(jdbc.query("""
                SELECT * FROM order_transactions WHERE order_id = ? AND user_id = ?
                ORDER BY finished_at DESC""", TRANSACTION, order.orderId(), order.userId()));
        if (recorded.stream().noneMatch(tx -> OrderTransaction.PLACE.equals(tx.action()))) {
            OrderTransaction.committedPlacementOf(order).ifPresent(recorded::add);
        }
        return recorded;
    }

    /** The newest of {@link #transactions}. */
    Optional<OrderTransaction> lastTransaction(Order order) {
        Optional<OrderTransaction> recorded = jdbc.query("""
                SELECT * FROM order_transactions WHERE order_id = ? AND user_id = ?
                ORDER BY finished_at DESC LIMIT 1""", TRANSACTION, order.orderId(), order.userId()).stream()
                .findFirst();
        return recorded.isPresent() ? recorded : OrderTransaction.committedPlacementOf(order);
    }

    /** What an Idempotency-Key was first used for. */
    record StoredRequest(String fingerprint, long orderId) {}
}
