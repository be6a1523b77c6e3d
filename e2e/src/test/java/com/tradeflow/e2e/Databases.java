package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStackOptions;

import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Straight to the physical databases, past the services: what is really stored, in every shard.
 */
public final class Databases {

    /** database -> tables whose rows are business state (undo logs are Seata's, checked separately). */
    static final Map<String, List<String>> BUSINESS_TABLES = Map.of(
            "tradeflow_inventory", List.of("products", "stock", "stock_ledger"),
            "tradeflow_account_0", List.of("wallets", "wallet_ledger"),
            "tradeflow_account_1", List.of("wallets", "wallet_ledger"),
            "tradeflow_order_0", List.of("orders_0", "orders_1", "order_requests"),
            "tradeflow_order_1", List.of("orders_0", "orders_1"));

    private final DevStackOptions options;

    Databases(DevStackOptions options) {
        this.options = options;
    }

    /**
     * Every business row of every database, in a stable order: compare two snapshots with equals. Leaves out
     * {@code updated_at}: MySQL sets it on every update, the compensating one of a rollback included.
     */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        BUSINESS_TABLES.keySet().stream().sorted().forEach(db -> BUSINESS_TABLES.get(db).forEach(table -> {
            List<Map<String, Object>> rows = rows(db, "SELECT * FROM " + table + " ORDER BY 1, 2");
            rows.forEach(row -> row.remove("updated_at"));
            all.put(db + "." + table, rows);
        }));
        return all;
    }

    /** Waits until phase two of every earlier global transaction has deleted its undo logs. */
    public void awaitNoUndoLogs() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(undoLogRows()).as("undo log rows").isZero());
    }

    public long undoLogRows() {
        return BUSINESS_TABLES.keySet().stream().mapToLong(db -> number(db, "SELECT COUNT(*) FROM undo_log")).sum();
    }

    public long totalBalance() {
        return number("tradeflow_account_0", "SELECT COALESCE(SUM(balance), 0) FROM wallets")
                + number("tradeflow_account_1", "SELECT COALESCE(SUM(balance), 0) FROM wallets");
    }

    public long totalStock() {
        return number("tradeflow_inventory", "SELECT SUM(available) FROM stock");
    }

    public long totalOrderAmount() {
        return sumOverOrders("amount");
    }

    public long totalOrderedQuantity() {
        return sumOverOrders("quantity");
    }

    public long orderCount() {
        return sumOverOrders("1");
    }

    private long sumOverOrders(String expression) {
        long sum = 0;
        for (String db : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                sum += number(db, "SELECT COALESCE(SUM(" + expression + "), 0) FROM " + table);
            }
        }
        return sum;
    }

    /** Order ids of all orders, and of all ledger rows of each participant. */
    public List<Long> orderIds() {
        List<Long> ids = new ArrayList<>();
        for (String db : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                rows(db, "SELECT order_id FROM " + table).forEach(r -> ids.add(((Number) r.get("order_id"))
                        .longValue()));
            }
        }
        return ids;
    }

    public List<Long> stockLedgerOrderIds() {
        return rows("tradeflow_inventory", "SELECT order_id FROM stock_ledger").stream()
                .map(r -> ((Number) r.get("order_id")).longValue()).toList();
    }

    public List<Long> walletLedgerOrderIds() {
        List<Long> ids = new ArrayList<>();
        for (String db : List.of("tradeflow_account_0", "tradeflow_account_1")) {
            rows(db, "SELECT order_id FROM wallet_ledger").forEach(r -> ids.add(((Number) r.get("order_id"))
                    .longValue()));
        }
        return ids;
    }

    public long number(String db, String sql) {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public List<Map<String, Object>> rows(String db, String sql) {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + options.effectiveMysqlHost() + ":"
                + options.mysqlPort() + "/" + db, options.mysqlUser(), options.mysqlPassword());
    }
}
