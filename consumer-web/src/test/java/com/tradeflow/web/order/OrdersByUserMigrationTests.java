package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.web.TestOrderDatabase;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V108 on a database written by the versions before it: orders were split by a hash of the order id and their
 * Idempotency-Keys kept in order_requests; after it, each order is in its user's table with its key.
 */
class OrdersByUserMigrationTests {

    @Test
    void shouldMoveEachOrderToItsUsersTableWithTheKeyItWasPlacedWith() {
        DataSource database = TestOrderDatabase.empty("web_orders_v108");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        TestOrderDatabase.migrate(database, MigrationVersion.fromVersion("107"));
        // users 2 and 4 share database 0 and now each has a table of its own; each had orders in both tables
        insertOld(jdbc, "orders_0", 101, 2, "2020-01-01 10:00:00.000");
        insertOld(jdbc, "orders_1", 102, 2, "2020-01-01 10:00:01.000");
        insertOld(jdbc, "orders_0", 103, 4, "2020-01-01 10:00:02.000");
        insertOld(jdbc, "orders_1", 104, 4, "2020-01-01 10:00:03.000");
        jdbc.update(
                "INSERT INTO order_requests (idempotency_key, request_hash, order_id, user_id) VALUES (?, ?, ?, ?)",
                "key-a",
                "a".repeat(64),
                101,
                2);
        jdbc.update(
                "INSERT INTO order_requests (idempotency_key, request_hash, order_id, user_id) VALUES (?, ?, ?, ?)",
                "key-a",
                "b".repeat(64),
                104,
                4);

        TestOrderDatabase.migrate(database, MigrationVersion.LATEST);

        assertThat(orderIds(jdbc, OrderTable.physical(2))).containsExactly(101L, 102L);
        assertThat(orderIds(jdbc, OrderTable.physical(4))).containsExactly(103L, 104L);
        assertThat(OrderTable.physical(2)).isNotEqualTo(OrderTable.physical(4));
        assertThat(jdbc.queryForList("SELECT order_id, idempotency_key, request_hash FROM " + OrderTable.physical(2)
                        + " WHERE idempotency_key IS NOT NULL"))
                .containsExactly(Map.of("order_id", 101L, "idempotency_key", "key-a", "request_hash", "a".repeat(64)));
        assertThat(jdbc.queryForObject(
                        "SELECT request_hash FROM " + OrderTable.physical(4) + " WHERE idempotency_key = 'key-a'",
                        String.class))
                .isEqualTo("b".repeat(64));
        // the rows keep when they last changed: the reconciliation reads orders by it
        assertThat(jdbc.queryForList(
                        "SELECT DATE_FORMAT(updated_at, '%Y') FROM " + OrderTable.physical(4), String.class))
                .containsOnly("2020");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                                + " AND table_name = 'order_requests'",
                        Integer.class))
                .isZero();
    }

    private static void insertOld(JdbcTemplate jdbc, String table, long orderId, long userId, String at) {
        jdbc.update(
                "INSERT INTO " + table + " (order_id, user_id, sku_id, quantity, amount, status, mode, created_at,"
                        + " updated_at) VALUES (?, ?, 3, 1, 100, 'PLACED', 'AT', ?, ?)",
                orderId,
                userId,
                at,
                at);
    }

    private static List<Long> orderIds(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT order_id FROM " + table + " ORDER BY order_id", Long.class);
    }
}
