package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.DevStackOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;

/**
 * Straight to the physical databases, past the services: what is really stored, in every shard.
 */
public final class Databases {

    /**
     * database -> tables whose rows are business state (Seata's undo logs and TCC fence rows are the transaction
     * machinery's, checked separately).
     */
    static final Map<String, List<String>> BUSINESS_TABLES = Map.of(
            "tradeflow_inventory", List.of("products", "stock", "stock_ledger"),
            "tradeflow_account_0", List.of("wallets", "wallet_ledger", "wallet_transfers"),
            "tradeflow_account_1", List.of("wallets", "wallet_ledger", "wallet_transfers"),
            "tradeflow_order_0", List.of("orders_0", "orders_1", "order_transactions"),
            "tradeflow_order_1", List.of("orders_0", "orders_1", "order_transactions"));

    /** Ledger tables, and the column of what a row moved: zero in a void row (a TCC cancel's tombstone). */
    static final Map<String, String> MOVED = Map.of("stock_ledger", "quantity", "wallet_ledger", "amount");

    /**
     * Ids of the users and products tests create: above the demo data's (users 1-100, skus 1-20) and below the
     * identity server's last user (its {@code demo-users}, 100000), which tests keep as a user who signs in and
     * has no wallet.
     */
    private static final AtomicLong NEXT_USER = new AtomicLong(80_001);

    private static final long LAST_USER = 99_999;
    private static final AtomicLong NEXT_SKU = new AtomicLong(100_001);

    private final DevStackOptions options;

    Databases(DevStackOptions options) {
        this.options = options;
    }

    /**
     * Every business row of every database, in a stable order: compare two snapshots with equals. Leaves out
     * {@code updated_at}: MySQL sets it on every update, the compensating one of a rollback included. Leaves out
     * void ledger rows (zero units or cents): a TCC cancel's tombstone, which moved nothing (like Seata's fence row
     * of a rolled-back branch, it only keeps a late try out).
     */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        BUSINESS_TABLES.keySet().stream()
                .sorted()
                .forEach(db -> BUSINESS_TABLES.get(db).forEach(table -> {
                    String where = MOVED.containsKey(table) ? " WHERE " + moved(table) : "";
                    List<Map<String, Object>> rows = rows(db, "SELECT * FROM " + table + where + " ORDER BY 1, 2");
                    rows.forEach(row -> row.remove("updated_at"));
                    all.put(db + "." + table, rows);
                }));
        return all;
    }

    /** Waits until phase two of every earlier global transaction has deleted its undo logs. */
    public void awaitNoUndoLogs() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(undoLogRows())
                        .as(() -> "undo log rows " + undoLogs())
                        .isZero());
    }

    /** Where undo logs are left: database, XID, branch, status, creation time (for failure messages). */
    private List<String> undoLogs() {
        List<String> left = new ArrayList<>();
        BUSINESS_TABLES.keySet().stream()
                .sorted()
                .forEach(db -> rows(
                                db, "SELECT xid, branch_id, log_status, log_created FROM undo_log WHERE log_status = 0")
                        .forEach(r -> left.add(db + " " + r)));
        return left;
    }

    /**
     * Undo logs of AT branches that committed locally and wait for phase two. Rows with {@code log_status} 1 are not
     * counted: an RM writes one when a rollback reaches it before the branch's own local commit, so that the late
     * commit fails on its key instead of writing; it is a marker of a rolled-back branch, kept until the TC's undo
     * log cleanup (days), not work in flight.
     */
    public long undoLogRows() {
        return BUSINESS_TABLES.keySet().stream()
                .mapToLong(db -> number(db, "SELECT COUNT(*) FROM undo_log WHERE log_status = 0"))
                .sum();
    }

    public long totalBalance() {
        return number("tradeflow_account_0", "SELECT COALESCE(SUM(balance), 0) FROM wallets")
                + number("tradeflow_account_1", "SELECT COALESCE(SUM(balance), 0) FROM wallets");
    }

    public long totalStock() {
        return number("tradeflow_inventory", "SELECT SUM(available) FROM stock");
    }

    /** Money held by TCC purchases in flight, over both shards. */
    public long totalFrozen() {
        return number("tradeflow_account_0", "SELECT COALESCE(SUM(frozen), 0) FROM wallets")
                + number("tradeflow_account_1", "SELECT COALESCE(SUM(frozen), 0) FROM wallets");
    }

    /** Units held by TCC purchases in flight. */
    public long totalReserved() {
        return number("tradeflow_inventory", "SELECT SUM(reserved) FROM stock");
    }

    /** Undo-log rows of one global transaction (AT), over every database. */
    public long undoLogRows(String xid) {
        return BUSINESS_TABLES.keySet().stream()
                .mapToLong(db -> number(db, "SELECT COUNT(*) FROM undo_log WHERE xid = '" + xid + "'"))
                .sum();
    }

    /** database -> TCC fence statuses (1 tried, 2 committed, 3 rolled back, 4 suspended) of a global transaction. */
    public Map<String, List<Integer>> fence(String xid) {
        Map<String, List<Integer>> fence = new LinkedHashMap<>();
        BUSINESS_TABLES.keySet().stream().sorted().forEach(db -> {
            List<Integer> statuses =
                    rows(db, "SELECT status FROM tcc_fence_log WHERE xid = '" + xid + "' ORDER BY branch_id").stream()
                            .map(r -> ((Number) r.get("status")).intValue())
                            .toList();
            if (!statuses.isEmpty()) {
                fence.put(db, statuses);
            }
        });
        return fence;
    }

    /**
     * XA transactions prepared and not yet finished whose XA xid carries this global XID (XA RECOVER lists the
     * whole server's, one per branch).
     */
    public long xaPrepared(String xid) {
        return rows("tradeflow_inventory", "XA RECOVER").stream()
                .filter(r -> xaData(r).contains(xid))
                .count();
    }

    /** Global XIDs with an XA branch prepared and not yet finished. */
    public java.util.Set<String> xaPreparedXids() {
        java.util.Set<String> xids = new java.util.TreeSet<>();
        rows("tradeflow_inventory", "XA RECOVER")
                .forEach(r -> xids.add(xaData(r).substring(0, ((Number) r.get("gtrid_length")).intValue())));
        return xids;
    }

    /** Global XIDs with undo-log rows (AT branches whose phase two has not run), over every database. */
    public java.util.Set<String> undoLogXids() {
        java.util.Set<String> xids = new java.util.TreeSet<>();
        BUSINESS_TABLES
                .keySet()
                .forEach(db -> rows(db, "SELECT DISTINCT xid FROM undo_log WHERE log_status = 0")
                        .forEach(r -> xids.add((String) r.get("xid"))));
        return xids;
    }

    /** Global XIDs with a TCC branch tried and not yet confirmed or cancelled, over every database. */
    public java.util.Set<String> triedFenceXids() {
        return fenceXids(1);
    }

    /** Global XIDs with a TCC fence row in that status (1 tried ... 4 suspended), over every database. */
    public java.util.Set<String> fenceXids(int status) {
        java.util.Set<String> xids = new java.util.TreeSet<>();
        BUSINESS_TABLES
                .keySet()
                .forEach(db -> rows(db, "SELECT DISTINCT xid FROM tcc_fence_log WHERE status = " + status)
                        .forEach(r -> xids.add((String) r.get("xid"))));
        return xids;
    }

    /** An XA RECOVER row's gtrid and bqual as text. */
    static String xaData(Map<String, Object> row) {
        Object data = row.get("data");
        return data instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                : String.valueOf(data);
    }

    /**
     * The global transaction held before its commit with all three branches done, by the trace its mode leaves:
     * AT undo logs, prepared XA branches, or the TCC order branch's tried fence row (the last of the three: the
     * stock and money branches came before it); empty until all three branches are there.
     */
    public java.util.Set<String> inFlightXids(String mode) {
        return switch (mode) {
            case "AT" -> undoLogRows() >= 3 ? undoLogXids() : java.util.Set.of();
            case "XA" -> xaPreparedTotal() >= 3 ? xaPreparedXids() : java.util.Set.of();
            default -> {
                java.util.Set<String> tried = triedFenceXids();
                yield tried.size() == 1 ? tried : java.util.Set.of();
            }
        };
    }

    /** The id of the order a global transaction placed (its row names the transaction), in every order table. */
    public long orderIdOf(String xid) {
        for (String db : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                List<Map<String, Object>> found =
                        rows(db, "SELECT order_id FROM " + table + " WHERE placed_xid = '" + xid + "'");
                if (!found.isEmpty()) {
                    return ((Number) found.get(0).get("order_id")).longValue();
                }
            }
        }
        throw new AssertionError("no order placed by " + xid);
    }

    /** The order's stock ledger rows: their types, "(void)" after a void one (zero units); sorted, comma-separated. */
    public String stockMovements(long orderId) {
        return movements(List.of("tradeflow_inventory"), "stock_ledger", orderId);
    }

    /** The order's wallet ledger rows, as {@link #stockMovements} (a void row: zero cents). */
    public String moneyMovements(long orderId) {
        return movements(List.of("tradeflow_account_0", "tradeflow_account_1"), "wallet_ledger", orderId);
    }

    private String movements(List<String> dbs, String table, long orderId) {
        String moved = MOVED.get(table);
        return dbs.stream()
                .flatMap(db ->
                        rows(db, "SELECT type, " + moved + " FROM " + table + " WHERE order_id = " + orderId).stream())
                .map(r -> r.get("type") + (((Number) r.get(moved)).longValue() == 0 ? " (void)" : ""))
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The order of a user's void wallet ledger row of that type (a TCC cancel's tombstone), if there is one. */
    public java.util.Optional<Long> voidMoneyMovementOf(long userId, String type) {
        return rows(
                        "tradeflow_account_" + userId % 2,
                        "SELECT order_id FROM wallet_ledger WHERE user_id = " + userId + " AND type = '" + type
                                + "' AND amount = 0")
                .stream()
                .map(r -> ((Number) r.get("order_id")).longValue())
                .findFirst();
    }

    public long xaPreparedTotal() {
        return rows("tradeflow_inventory", "XA RECOVER").size();
    }

    public long orderCount() {
        return sumOverOrders("1");
    }

    /** Orders in a status, over every shard. */
    public long ordersIn(String status) {
        return sumOverOrders("CASE WHEN status = '" + status + "' THEN 1 ELSE 0 END");
    }

    /**
     * Ledger rows of a movement type: stock_ledger (DEDUCT, RETURN ...) plus wallet_ledger (DEBIT, REFUND ...),
     * void rows (TCC tombstones, which moved nothing) aside.
     */
    public long ledgerRows(String type) {
        return ledgerRows("tradeflow_inventory", "stock_ledger", type)
                + ledgerRows("tradeflow_account_0", "wallet_ledger", type)
                + ledgerRows("tradeflow_account_1", "wallet_ledger", type);
    }

    private long ledgerRows(String db, String table, String type) {
        return number(db, "SELECT COUNT(*) FROM " + table + " WHERE type = '" + type + "' AND " + moved(table));
    }

    /** SQL condition on a row of a ledger table: it moved something (void rows aside). */
    static String moved(String table) {
        return MOVED.get(table) + " <> 0";
    }

    /** Amount of the orders whose money is kept (not cancelled). */
    public long totalKeptOrderAmount() {
        return sumOverOrders("CASE WHEN status <> 'CANCELLED' THEN amount ELSE 0 END");
    }

    /** Units of the orders whose stock is kept (not cancelled). */
    public long totalKeptOrderQuantity() {
        return sumOverOrders("CASE WHEN status <> 'CANCELLED' THEN quantity ELSE 0 END");
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

    /** Rows of order_transactions about the order (in both order databases). */
    public long transactionRecords(long orderId) {
        long rows = 0;
        for (String db : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            rows += number(db, "SELECT COUNT(*) FROM order_transactions WHERE order_id = " + orderId);
        }
        return rows;
    }

    /** Order ids of all orders, and of all ledger rows of each participant. */
    public List<Long> orderIds() {
        List<Long> ids = new ArrayList<>();
        for (String db : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                rows(db, "SELECT order_id FROM " + table)
                        .forEach(r -> ids.add(((Number) r.get("order_id")).longValue()));
            }
        }
        return ids;
    }

    /** Order ids of the stock taken for orders (DEDUCT movements). */
    public List<Long> stockLedgerOrderIds() {
        return rows("tradeflow_inventory", "SELECT order_id FROM stock_ledger WHERE type = 'DEDUCT'").stream()
                .map(r -> ((Number) r.get("order_id")).longValue())
                .toList();
    }

    /** Order ids of the money taken for orders (DEBIT movements). */
    public List<Long> walletLedgerOrderIds() {
        List<Long> ids = new ArrayList<>();
        for (String db : List.of("tradeflow_account_0", "tradeflow_account_1")) {
            rows(db, "SELECT order_id FROM wallet_ledger WHERE type = 'DEBIT'")
                    .forEach(r -> ids.add(((Number) r.get("order_id")).longValue()));
        }
        return ids;
    }

    /**
     * Kills every other session connected to a database, as an operator's {@code KILL} (or a failover) would: the
     * services' pools find their connections dead at the next use.
     *
     * @return how many were killed
     */
    public int killConnectionsTo(String database) {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            List<Long> sessions = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + database
                    + "' AND ID <> CONNECTION_ID()")) {
                while (r.next()) {
                    sessions.add(r.getLong(1));
                }
            }
            int killed = 0;
            for (long session : sessions) {
                try {
                    s.execute("KILL CONNECTION " + session);
                    killed++;
                } catch (SQLException gone) {
                    // ended on its own meanwhile
                }
            }
            return killed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot kill the connections to " + database + ": " + e.getMessage(), e);
        }
    }

    /** A statement of an operator (or a fix), committed at once. */
    public void execute(String db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A user of this test alone: a wallet with {@code balance} cents under an id no other test and no demo row has.
     * Tests create what they count on instead of relying on the demo data or on what earlier tests left.
     */
    public long newUser(long balance) {
        return newUsers(1, balance).get(0);
    }

    /**
     * {@code count} users of this test alone with consecutive ids (so even and odd ids, both wallet shards, alternate),
     * each with a wallet of {@code balance} cents.
     */
    public List<Long> newUsers(int count, long balance) {
        long first = NEXT_USER.getAndAdd(count);
        if (first + count - 1 > LAST_USER) {
            throw new IllegalStateException("the identity server signs in users up to " + LAST_USER + " only");
        }
        createWallets(first, count, balance);
        return LongStream.range(first, first + count).boxed().toList();
    }

    /**
     * A user of this test alone for each transaction mode (AT, TCC, XA), with consecutive ids: the modes' users
     * are spread over both wallet shards.
     */
    public Map<String, Long> newUserPerMode(long balance) {
        List<Long> ids = newUsers(3, balance);
        return Map.of("AT", ids.get(0), "TCC", ids.get(1), "XA", ids.get(2));
    }

    /** A product of this test alone: {@code price} cents a unit, {@code units} in stock. */
    /** {@code count} products of this test alone, each at {@code price} with {@code units} in stock. */
    public List<Long> newProducts(int count, long price, long units) {
        return LongStream.range(0, count)
                .mapToObj(i -> newProduct(price, units))
                .toList();
    }

    public long newProduct(long price, long units) {
        long sku = NEXT_SKU.getAndIncrement();
        execute(
                "tradeflow_inventory",
                "INSERT INTO products (sku_id, name, price) VALUES (" + sku + ", 'Test product " + sku + "', " + price
                        + ")");
        execute("tradeflow_inventory", "INSERT INTO stock (sku_id, available) VALUES (" + sku + ", " + units + ")");
        return sku;
    }

    /** Wallets for users {@code first .. first + count - 1} with {@code balance} cents each, in their shards. */
    public void createWallets(long first, int count, long balance) {
        for (int shard = 0; shard < 2; shard++) {
            int s = shard;
            String values = LongStream.range(first, first + count)
                    .filter(u -> u % 2 == s)
                    .mapToObj(u -> "(" + u + ", " + balance + ")")
                    .collect(Collectors.joining(","));
            if (!values.isEmpty()) {
                execute("tradeflow_account_" + shard, "INSERT INTO wallets (user_id, balance) VALUES " + values);
            }
        }
    }

    /** Where the order's row is: {@code database.table} of every physical orders table holding it. */
    public List<String> tablesHolding(long orderId) {
        List<String> holding = new ArrayList<>();
        for (String db : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                if (number(db, "SELECT COUNT(*) FROM " + table + " WHERE order_id = " + orderId) > 0) {
                    holding.add(db + "." + table);
                }
            }
        }
        return holding;
    }

    /** When the order was created, from its row (in the user's database, either table). */
    public Instant orderCreatedAt(long userId, long orderId) {
        for (String table : List.of("orders_0", "orders_1")) {
            List<Map<String, Object>> found = rows(
                    "tradeflow_order_" + (userId % 2),
                    "SELECT created_at FROM " + table + " WHERE order_id = " + orderId);
            if (!found.isEmpty()) {
                Object created = found.get(0).get("created_at");
                return created instanceof Timestamp t
                        ? t.toInstant()
                        : ((LocalDateTime) created)
                                .atZone(ZoneId.systemDefault())
                                .toInstant();
            }
        }
        throw new IllegalStateException("no order " + orderId + " of user " + userId);
    }

    public long number(String db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public List<Map<String, Object>> rows(String db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
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

    /** A statement MariaDB received: the connection (server thread) it came on, its kind and its text. */
    public record Received(long connection, String command, String text) {}

    /**
     * Every statement MariaDB receives, from any client, while {@code work} runs (its general log, written to a
     * table for the time). The server's logging settings are restored afterwards.
     */
    public List<Received> statementsDuring(Runnable work) {
        String output =
                rows("mysql", "SELECT @@global.log_output AS o").get(0).get("o").toString();
        execute("mysql", "TRUNCATE TABLE mysql.general_log");
        execute("mysql", "SET GLOBAL log_output = 'TABLE'");
        execute("mysql", "SET GLOBAL general_log = 1");
        try {
            work.run();
        } finally {
            execute("mysql", "SET GLOBAL general_log = 0");
            execute("mysql", "SET GLOBAL log_output = '" + output + "'");
        }
        List<Received> received = rows("mysql", """
                SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) AS text FROM mysql.general_log
                ORDER BY event_time""").stream()
                .map(r -> new Received(
                        ((Number) r.get("thread_id")).longValue(),
                        r.get("command_type").toString(),
                        String.valueOf(r.get("text"))))
                .toList();
        execute("mysql", "TRUNCATE TABLE mysql.general_log");
        return received;
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://" + options.effectiveMysqlHost() + ":" + options.mysqlPort() + "/" + db,
                options.mysqlUser(),
                options.mysqlPassword());
    }
}
