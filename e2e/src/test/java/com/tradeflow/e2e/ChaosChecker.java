package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.infra.CoordinatorCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Holds the databases, once a chaos run has healed and settled, to what its history and the bank's rules say: money
 * conserved (opening balances + credited top-ups - what placed orders charged) and stock conserved, every order the
 * same in the orders, stock ledger and wallet ledger, every top-up as final as the gateway's payment and credited once
 * when it succeeded, the flash sale's tickets and orders in agreement, every event applied exactly once, every 2xx
 * answer durable, every unknown outcome resolved one way, nothing left frozen, reserved, prepared or unfinished (an AT
 * undo log of a finished transaction is not: see {@link #inFlight}).
 */
final class ChaosChecker {

    private static final List<String> ORDER_DBS = List.of("tradeflow_order_0", "tradeflow_order_1");
    private static final List<String> ACCOUNT_DBS = List.of("tradeflow_account_0", "tradeflow_account_1");

    private final Databases db;
    private final Api api;
    private final Gateway gateway;
    private final List<Long> users;
    private final List<Long> skus;
    private final String saleId;
    private final long initialMoney;
    private final long initialStock;

    /**
     * @param api          a web instance, to read what only the API shows (tickets, transfers, the sale's report)
     * @param saleId       the run's flash sale
     * @param initialMoney the users' balances summed before the run
     * @param initialStock the skus' available units summed before the run
     */
    ChaosChecker(
            Databases db,
            Api api,
            Gateway gateway,
            List<Long> users,
            List<Long> skus,
            String saleId,
            long initialMoney,
            long initialStock) {
        this.db = db;
        this.api = api;
        this.gateway = gateway;
        this.users = List.copyOf(users);
        this.skus = List.copyOf(skus);
        this.saleId = saleId;
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
        List<Map<String, Object>> topUps = topUps();
        count(
                left,
                "top-ups PENDING",
                topUps.stream().filter(t -> "PENDING".equals(t.get("status"))).count());
        Set<Object> credited = credits().keySet();
        count(
                left,
                "SUCCEEDED top-ups not credited yet",
                topUps.stream()
                        .filter(t -> "SUCCEEDED".equals(t.get("status")))
                        .filter(t -> !credited.contains(t.get("merchant_order_no")))
                        .count());
        count(
                left,
                "flash-sale tickets QUEUED",
                saleReport().path("tickets").path("QUEUED").asLong());
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
        // read once: both checks below hold the same rows (the run is over and settled)
        List<Map<String, Object>> topUps = topUps();
        violations.addAll(unansweredTopUpsAndTickets(history, topUps));
        violations.addAll(transfersNotDurable(history));
        long credited = topUpViolations(topUps, violations);
        JsonNode sale = saleReport();
        if (!sale.path("consistent").asBoolean()
                || sale.path("taken").asInt() > sale.path("quantity").asInt()) {
            violations.add("flash sale " + saleId + ": " + sale);
        }
        try {
            new Events(db).awaitConverged();
        } catch (AssertionError | ConditionTimeoutException e) {
            violations.add("events not applied exactly once: " + e.getMessage());
        }
        long keptAmount = 0;
        long keptUnits = 0;
        Map<Long, Map<String, Long>> stockLedger = ledger("tradeflow_inventory", "stock_ledger");
        Map<Long, Map<String, Long>> walletLedger = new HashMap<>(ledger("tradeflow_account_0", "wallet_ledger"));
        walletLedger.putAll(ledger("tradeflow_account_1", "wallet_ledger"));
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
        if (money != initialMoney + credited - keptAmount) {
            violations.add("money not conserved: wallets hold " + money + ", expected " + initialMoney + " + "
                    + credited + " topped up - " + keptAmount + " paid for placed orders = "
                    + (initialMoney + credited - keptAmount));
        }
        long units = stock();
        if (units != initialStock - keptUnits) {
            violations.add("stock not conserved: " + units + " units left, expected " + initialStock + " - " + keptUnits
                    + " sold = " + (initialStock - keptUnits));
        }
        return violations;
    }

    /**
     * Each top-up of the run's users holds the gateway's final status of its payment; a SUCCEEDED one is credited
     * once with its stored amount (one credit, one TOP_UP ledger row), a FAILED one not at all.
     *
     * @return the money credited to the run's users
     */
    private long topUpViolations(List<Map<String, Object>> topUps, List<String> violations) {
        Map<String, JsonNode> payments = gateway.payments();
        Map<Object, Map<String, Object>> credits = credits();
        Map<Long, Long> ledger = new HashMap<>();
        for (String database : ACCOUNT_DBS) {
            db.rows(
                            database,
                            "SELECT order_id, amount FROM wallet_ledger WHERE type = 'TOP_UP' AND user_id IN ("
                                    + userList() + ")")
                    .forEach(r -> ledger.put(
                            ((Number) r.get("order_id")).longValue(), ((Number) r.get("amount")).longValue()));
        }
        long credited = 0;
        for (Map<String, Object> topUp : topUps) {
            String number = (String) topUp.get("merchant_order_no");
            long amount = ((Number) topUp.get("amount")).longValue();
            String status = (String) topUp.get("status");
            JsonNode payment = payments.get(number);
            if (payment == null || !payment.path("status").asText().equals(status)) {
                violations.add("top-up " + number + " is " + status + ", the gateway's payment "
                        + (payment == null ? "missing" : payment.path("status").asText()));
            }
            Map<String, Object> credit = credits.get(number);
            Long booked = ledger.get(((Number) topUp.get("top_up_id")).longValue());
            boolean succeeded = "SUCCEEDED".equals(status);
            boolean creditedOnce = credit != null
                    && ((Number) credit.get("amount")).longValue() == amount
                    && booked != null
                    && booked == amount;
            if (succeeded != creditedOnce || (!succeeded && (credit != null || booked != null))) {
                violations.add("top-up " + number + " (" + status + ", " + amount + " cents): credit " + credit
                        + ", ledger " + booked);
            }
            if (succeeded && credit != null) {
                credited += ((Number) credit.get("amount")).longValue();
            }
        }
        return credited;
    }

    /** A top-up answered 202 that left no row, a ticket answered 202 that is not final (or unknown). */
    private List<String> unansweredTopUpsAndTickets(ChaosHistory history, List<Map<String, Object>> topUps) {
        List<String> violations = new ArrayList<>();
        Set<Object> stored =
                topUps.stream().map(t -> t.get("merchant_order_no")).collect(Collectors.toSet());
        for (ChaosHistory.Op op : history.ops()) {
            if (op.kind().equals("TOP_UP") && op.status() == 202 && !stored.contains(op.subject())) {
                violations.add("top-up " + op.subject() + " answered 202 but is missing");
            }
            if (op.kind().equals("FLASH_SALE") && op.status() == 202) {
                Api.Reply ticket = api.as(op.user()).get("/api/flash-sales/tickets/" + op.subject());
                String status = ticket.body().path("status").asText();
                if (ticket.status() != 200 || !List.of("PLACED", "FAILED").contains(status)) {
                    violations.add("ticket " + op.subject() + " answered 202 but is " + ticket.status() + " " + status);
                }
            }
        }
        return violations;
    }

    /** A transfer answered 2xx that the API does not show completed. */
    private List<String> transfersNotDurable(ChaosHistory history) {
        List<String> violations = new ArrayList<>();
        for (ChaosHistory.Op op : history.ops()) {
            if (op.kind().equals("TRANSFER") && op.status() / 100 == 2) {
                Api.Reply transfer = api.as(op.user()).get("/api/transfers/" + op.subject());
                if (transfer.status() != 200
                        || !"COMPLETED".equals(transfer.body().path("status").asText())) {
                    violations.add("transfer " + op.subject() + " answered " + op.status() + " but is "
                            + transfer.status() + " " + transfer.body());
                }
            }
        }
        return violations;
    }

    private List<Map<String, Object>> topUps() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String database : ORDER_DBS) {
            rows.addAll(db.rows(
                    database,
                    "SELECT top_up_id, merchant_order_no, amount, status FROM top_ups WHERE user_id IN (" + userList()
                            + ")"));
        }
        return rows;
    }

    /** merchantOrderNo -> provider-account's credit of it. */
    private Map<Object, Map<String, Object>> credits() {
        Map<Object, Map<String, Object>> credits = new HashMap<>();
        for (String database : ACCOUNT_DBS) {
            db.rows(
                            database,
                            "SELECT merchant_order_no, amount FROM wallet_top_ups WHERE user_id IN (" + userList()
                                    + ")")
                    .forEach(r -> credits.put(r.get("merchant_order_no"), r));
        }
        return credits;
    }

    private JsonNode saleReport() {
        Api.Reply report = api.adminGet("/api/admin/flash-sales/" + saleId + "/reconciliation");
        if (report.status() != 200) {
            throw new IllegalStateException("the flash sale's report: " + report);
        }
        return report.body();
    }

    private String userList() {
        return users.stream().map(String::valueOf).collect(Collectors.joining(","));
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

    /** Order id to movement type to units or cents, of the ledger rows of the run's users or skus (void ones aside). */
    private Map<Long, Map<String, Long>> ledger(String database, String table) {
        String owner = table.equals("stock_ledger")
                ? "sku_id IN (" + skuList() + ")"
                : "user_id IN (" + users.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        Map<Long, Map<String, Long>> ledger = new HashMap<>();
        for (Map<String, Object> row : db.rows(
                database,
                "SELECT order_id, type, " + Databases.MOVED.get(table) + " AS n FROM " + table + " WHERE " + owner
                        // a top-up's row names the top-up, not an order; a void row (a TCC cancel's tombstone)
                        // moved nothing
                        + " AND type <> 'TOP_UP' AND " + Databases.moved(table))) {
            ledger.computeIfAbsent(((Number) row.get("order_id")).longValue(), id -> new HashMap<>())
                    .put((String) row.get("type"), ((Number) row.get("n")).longValue());
        }
        return ledger;
    }

    private String skuList() {
        return skus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
