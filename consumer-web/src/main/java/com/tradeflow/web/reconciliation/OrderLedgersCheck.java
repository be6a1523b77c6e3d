package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderRepository;
import com.tradeflow.web.order.OrderTable;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.Findings.Watermark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each order (consumer-web) against the stock ledger (provider-inventory) and the wallet ledger (provider-account),
 * by {@link LedgerCheck}. Each orders table is read in the order of its rows' last change ({@code updated_at}, then
 * id) from a stored watermark, so a pass costs the new and changed orders, not all of them; an order is read once
 * {@code settle-after} has passed since its last change. The ledgers are asked once per batch ({@code
 * getMovements}, one Dubbo call to each provider).
 */
@Component
@org.springframework.core.annotation.Order(1)
class OrderLedgersCheck implements BooksCheck {

    /** One per order database, by index: the orders tables are read there directly. */
    private final List<JdbcTemplate> orderTables;

    private final Findings findings;
    private final OrderRepository orders;
    private final InventoryService inventory;
    private final WalletService wallets;
    private final ReconciliationProperties properties;

    OrderLedgersCheck(
            BranchTypeRoutingDataSource dataSource,
            Findings findings,
            OrderRepository orders,
            InventoryService inventory,
            WalletService wallets,
            ReconciliationProperties properties) {
        this.orderTables =
                dataSource.physicalPools().stream().map(JdbcTemplate::new).toList();
        this.findings = findings;
        this.orders = orders;
        this.inventory = inventory;
        this.wallets = wallets;
        this.properties = properties;
    }

    @Override
    public Subject subject() {
        return Subject.ORDER;
    }

    /** The orders changed since the watermarks, then the orders with open findings. */
    @Override
    public Pass pass() {
        Map<String, Watermark> marks = findings.watermarks();
        int changed = 0;
        int opened = 0;
        boolean behind = false;
        for (int db = 0; db < orderTables.size(); db++) {
            for (String table : OrderTable.physicalTables()) {
                String source = "order-" + db + "." + table;
                List<Changed> batch = changedSince(db, table, marks.getOrDefault(source, Watermark.START));
                if (batch.isEmpty()) {
                    continue;
                }
                opened += findings.record(
                        check(batch.stream().map(c -> Candidate.of(c.order())).toList()));
                Changed last = batch.get(batch.size() - 1);
                findings.advance(
                        source, new Watermark(last.updatedAt(), last.order().orderId()));
                changed += batch.size();
                behind |= batch.size() == properties.batchSize();
            }
        }
        List<Checked> stillOpen = findings.openOrders(properties.batchSize());
        if (!stillOpen.isEmpty()) {
            findings.record(check(stillOpen.stream()
                    .map(o -> new Candidate(o.orderId(), o.userId(), orders.find(o.orderId(), o.userId())))
                    .toList()));
        }
        return new Pass(changed, opened, behind);
    }

    /** An order changed since the watermark, with when. */
    private record Changed(Order order, Instant updatedAt) {}

    private List<Changed> changedSince(int db, String table, Watermark mark) {
        Timestamp at = Timestamp.from(mark.updatedAt());
        return orderTables
                .get(db)
                .query(
                        "SELECT * FROM " + table + """
                 WHERE (updated_at > ? OR updated_at = ? AND order_id > ?)
                  AND updated_at < TIMESTAMPADD(MICROSECOND, ?, NOW(3))
                ORDER BY updated_at, order_id LIMIT ?""",
                        (rs, i) -> new Changed(
                                OrderRepository.ORDER_ROW.mapRow(rs, i),
                                rs.getTimestamp("updated_at").toInstant()),
                        at,
                        at,
                        mark.orderId(),
                        -properties.settleAfter().toNanos() / 1000,
                        properties.batchSize());
    }

    /** An order id to check, with its row; empty: the row is gone (a TCC placement rolled back, say). */
    private record Candidate(long orderId, long userId, Optional<Order> order) {
        static Candidate of(Order order) {
            return new Candidate(order.orderId(), order.userId(), Optional.of(order));
        }
    }

    /** Checks the orders against the ledgers; an order id without its row must have no movement. */
    private List<Checked> check(List<Candidate> batch) {
        List<Long> ids = batch.stream().map(Candidate::orderId).toList();
        Map<Long, List<StockMovement>> stock =
                inventory.getMovements(ids).stream().collect(Collectors.groupingBy(StockMovement::orderId));
        Map<Long, List<WalletMovement>> money =
                wallets.getMovements(ids).stream().collect(Collectors.groupingBy(WalletMovement::orderId));
        return batch.stream()
                .map(s -> Checked.order(
                        s.orderId(),
                        s.userId(),
                        LedgerCheck.check(
                                s.order(),
                                stock.getOrDefault(s.orderId(), List.of()),
                                money.getOrDefault(s.orderId(), List.of()))))
                .toList();
    }
}
