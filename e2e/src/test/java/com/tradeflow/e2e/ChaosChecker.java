package com.tradeflow.e2e;

import com.tradeflow.devstack.infra.CoordinatorCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds the databases, once a chaos run has healed and settled, to what its history and the bank's rules say: money
 * and stock conserved, every order the same in the orders, stock ledger and wallet ledger, every 2xx answer durable,
 * every unknown outcome resolved one way, nothing left frozen, reserved, prepared or unfinished (an
 * AT undo log of a finished transaction is not: see {@link #inFlight}).
 */
final class ChaosChecker {

    private final Databases db;
    private final List<Long> users;
    private final List<Long> skus;
    private final long initialMoney;
    private final long initialStock;

    /**
     * @param initialMoney the users' balances summed before the run
     * @param initialStock the skus' available units summed before the run
     */
    ChaosChecker(Databases db, List<Long> users, List<Long> skus, long initialMoney, long initialStock) {
        this.db = db;
        this.users = List.copyOf(users);
        this.skus = List.copyOf(skus);
        this.initialMoney = initialMoney;
        this.initialStock = initialStock;
    }

    /** What is still in flight (empty once settled): the run waits for this before {@link #violations}. */
    List<String> inFlight() {
        List<String> left = new ArrayList<>();
        count(
                left,
                "unfinished global transactions",
                db.number(CoordinatorCluster.DATABASE, "SELECT COUNT(*) FROM global_table"));
        // an AT branch acknowledges its commit before it deletes its undo log: a provider killed in between leaves the
        // log of a finished transaction to the TC's undo-log cleanup (days later); only those of unfinished ones count
        Set<String> unfinished = new HashSet<>();
        db.rows(CoordinatorCluster.DATABASE, "SELECT xid FROM global_table")
                .forEach(row -> unfinished.add((String) row.get("xid")));
        Set<String> undone = new HashSet<>(db.undoLogXids());
        undone.retainAll(unfinished);
        count(left, "AT undo logs of unfinished transactions " + undone, undone.size());
        count(left, "prepared XA branches", db.xaPreparedTotal());
        count(
                left,
                "orders PENDING or UNKNOWN",
                ordersWhere("status IN ('PENDING', 'UNKNOWN')").size());
        count(left, "cents frozen", sumOverWallets("frozen"));
        count(
                left,
                "units reserved",
                db.number(
                        "tradeflow_inventory",
                        "SELECT COALESCE(SUM(reserved), 0) FROM stock WHERE sku_id IN (" + skuList() + ")"));
        return left;
    }

    /** Every rule the run broke, each with the ids it concerns; empty when the books are right. */
    List<String> violations(ChaosHistory history) {
        List<String> violations = new ArrayList<>(inFlight());
        Map<String, Map<String, Object>> orders = new HashMap<>();
        for (Map<String, Object> order : ordersWhere("1 = 1")) {
            orders.put(String.valueOf(order.get("order_id")), order);
        }
        for (ChaosHistory.Op op : history.ops()) {
            Map<String, Object> order = orders.get(op.subject());
            if (op.kind().equals("PURCHASE")
                    && op.status() == 201
                    && (order == null || !List.of("PLACED", "CANCELLED").contains(order.get("status")))) {
                violations.add("order " + op.subject() + " answered 201 but is "
                        + (order == null ? "missing" : order.get("status")));
            }
            if (op.kind().equals("CANCEL")
                    && op.status() == 200
                    && (order == null || !"CANCELLED".equals(order.get("status")))) {
                violations.add("order " + op.subject() + " answered cancelled but is "
                        + (order == null ? "missing" : order.get("status")));
            }
        }
        long keptAmount = 0;
        long keptUnits = 0;
        Map<Long, Map<String, Long>> stockLedger = ledger("tradeflow_inventory", "stock_ledger", "quantity");
        Map<Long, Map<String, Long>> walletLedger =
                new HashMap<>(ledger("tradeflow_account_0", "wallet_ledger", "amount"));
        walletLedger.putAll(ledger("tradeflow_account_1", "wallet_ledger", "amount"));
        for (Map<String, Object> order : orders.values()) {
            long id = ((Number) order.get("order_id")).longValue();
            long quantity = ((Number) order.get("quantity")).longValue();
            long amount = ((Number) order.get("amount")).longValue();
            boolean kept = "PLACED".equals(order.get("status"));
            if (kept) {
                keptAmount += amount;
                keptUnits += quantity;
            }
            Map<String, Long> stock = stockLedger.getOrDefault(id, Map.of());
            Map<String, Long> money = walletLedger.getOrDefault(id, Map.of());
            Map<String, Long> expectedStock =
                    kept ? Map.of("DEDUCT", quantity) : Map.of("DEDUCT", quantity, "RETURN", quantity);
            Map<String, Long> expectedMoney =
                    kept ? Map.of("DEBIT", amount) : Map.of("DEBIT", amount, "REFUND", amount);
            if (!stock.equals(expectedStock) || !money.equals(expectedMoney)) {
                violations.add("order " + id + " (" + order.get("status") + ", " + quantity + " units, " + amount
                        + " cents): stock ledger " + stock + ", wallet ledger " + money);
            }
        }
        for (Map<Long, Map<String, Long>> ledger : List.of(stockLedger, walletLedger)) {
            for (Map.Entry<Long, Map<String, Long>> movement : ledger.entrySet()) {
                if (!orders.containsKey(String.valueOf(movement.getKey()))) {
                    violations.add("ledger rows " + movement.getValue() + " for order " + movement.getKey()
                            + ", which does not exist");
                }
            }
        }
        long money = sumOverWallets("balance");
        if (money != initialMoney - keptAmount) {
            violations.add("money not conserved: wallets hold " + money + ", expected " + initialMoney + " - "
                    + keptAmount + " paid for placed orders = " + (initialMoney - keptAmount));
        }
        long units = stock();
        if (units != initialStock - keptUnits) {
            violations.add("stock not conserved: " + units + " units left, expected " + initialStock + " - " + keptUnits
                    + " sold = " + (initialStock - keptUnits));
        }
        return violations;
    }

    /** Units the run's skus have left. */
    private long stock() {
        return db.number(
                "tradeflow_inventory",
                "SELECT COALESCE(SUM(available), 0) FROM stock WHERE sku_id IN (" + skuList() + ")");
    }

    private static void count(List<String> left, String what, long count) {
        if (count != 0) {
            left.add(count + " " + what);
        }
    }

    private long sumOverWallets(String column) {
        String where =
                " WHERE user_id IN (" + users.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        return db.number("tradeflow_account_0", "SELECT COALESCE(SUM(" + column + "), 0) FROM wallets" + where)
                + db.number("tradeflow_account_1", "SELECT COALESCE(SUM(" + column + "), 0) FROM wallets" + where);
    }

    private List<Map<String, Object>> ordersWhere(String condition) {
        String ofUsers = users.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Map<String, Object>> orders = new ArrayList<>();
        for (String database : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                orders.addAll(db.rows(
                        database,
                        "SELECT order_id, status, quantity, amount FROM " + table + " WHERE user_id IN (" + ofUsers
                                + ") AND " + condition));
            }
        }
        return orders;
    }

    /** Order id to movement type to units or cents, of the ledger rows of the run's users or skus. */
    private Map<Long, Map<String, Long>> ledger(String database, String table, String column) {
        String owner = table.equals("stock_ledger")
                ? "sku_id IN (" + skuList() + ")"
                : "user_id IN (" + users.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        Map<Long, Map<String, Long>> ledger = new HashMap<>();
        for (Map<String, Object> row :
                db.rows(database, "SELECT order_id, type, " + column + " AS n FROM " + table + " WHERE " + owner)) {
            ledger.computeIfAbsent(((Number) row.get("order_id")).longValue(), id -> new HashMap<>())
                    .put((String) row.get("type"), ((Number) row.get("n")).longValue());
        }
        return ledger;
    }

    private String skuList() {
        return skus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
