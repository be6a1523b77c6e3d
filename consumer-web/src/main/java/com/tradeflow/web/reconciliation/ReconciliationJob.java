package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.jobs.LockRows;
import com.tradeflow.platform.jobs.PollingJob;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderRepository;
import com.tradeflow.web.order.OrderTable;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.Findings.Watermark;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Proves, order by order, that the books of the three services agree: each order (consumer-web) against the stock
 * ledger (provider-inventory) and the wallet ledger (provider-account), by {@link LedgerCheck}.
 * <ul>
 * <li>Incremental: each orders table is read in the order of its rows' last change ({@code updated_at}, then id)
 * from a stored watermark, so a pass costs the new and changed orders, not all of them; an order is read once
 * {@code settle-after} has passed since its last change (its global transaction has ended by then).</li>
 * <li>A pass reads at most {@code batch-size} orders per table; one that found a full batch starts the next
 * {@code catch-up-pause} later instead of {@code interval}, until the job has caught up.</li>
 * <li>The ledgers are asked once per batch ({@code getMovements}, one Dubbo call to each provider).</li>
 * <li>What disagrees is stored as a finding ({@link Findings}); the orders with open findings are checked again at
 * every pass, and a finding no longer found (an in-flight transaction that completed, a fix) clears itself. A
 * real mismatch stays open until an operator resolves it ({@code POST /api/admin/reconciliation/findings/{id}/
 * resolve}).</li>
 * <li>One instance at a time: a pass holds the {@code reconciliation_lock} row ({@code FOR UPDATE SKIP
 * LOCKED}).</li>
 * </ul>
 * Metrics: {@code tradeflow.reconciliation.findings.open}, {@code tradeflow.reconciliation.last.pass} (epoch
 * seconds of the last completed pass), {@code tradeflow.reconciliation.orders.checked}.
 */
@Component
class ReconciliationJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);
    private static final int LOCK_ROW = 1;

    private final List<DataSource> databases;
    /** One per order database, by index: the orders tables are read there directly. */
    private final List<JdbcTemplate> orderTables;
    private final Findings findings;
    private final OrderRepository orders;
    private final InventoryService inventory;
    private final WalletService wallets;
    private final ReconciliationProperties properties;
    private final PollingJob job;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong lastPass = new AtomicLong();
    private final Counter checked;
    /** The last round read a full batch from some table: there is more to read. */
    private boolean behind;

    ReconciliationJob(BranchTypeRoutingDataSource dataSource, Findings findings, OrderRepository orders,
            InventoryService inventory, WalletService wallets, ReconciliationProperties properties,
            MeterRegistry registry) {
        this.databases = dataSource.physicalPools();
        this.orderTables = databases.stream().map(JdbcTemplate::new).toList();
        this.findings = findings;
        this.orders = orders;
        this.inventory = inventory;
        this.wallets = wallets;
        this.properties = properties;
        this.job = new PollingJob("reconciliation", properties.interval(), properties.idleInterval(), this::pass);
        Gauge.builder("tradeflow.reconciliation.findings.open", open, AtomicLong::get)
                .description("findings of the reconciliation still open").register(registry);
        Gauge.builder("tradeflow.reconciliation.last.pass", lastPass, AtomicLong::get).baseUnit("seconds")
                .description("when the last reconciliation pass ended (epoch seconds)").register(registry);
        this.checked = Counter.builder("tradeflow.reconciliation.orders.checked")
                .description("orders compared with the stock and wallet ledgers").register(registry);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("reconciliation disabled in this instance (tradeflow.reconciliation.enabled=false)");
            return;
        }
        job.start();
        log.info("reconciliation checks orders {} after their last change, every {} while they come, every {} at "
                + "most when quiet", properties.settleAfter(), properties.interval(), properties.idleInterval());
    }

    @Override
    public void stop() {
        job.stop();
    }

    @Override
    public boolean isRunning() {
        return job.isRunning();
    }

    /** When this instance's last pass ended; null before its first. */
    Instant lastPass() {
        long at = lastPass.get();
        return at == 0 ? null : Instant.ofEpochSecond(at);
    }

    /**
     * Reconciles until caught up: while a round found a full batch (a backlog, a first start over a long history),
     * the next round follows {@code catch-up-pause} later, which keeps it from taking a core.
     *
     * @return whether it checked any order (the next pass then follows {@code interval} later)
     */
    private boolean pass() {
        boolean checkedAny = false;
        do {
            behind = false;
            try {
                checkedAny |= LockRows.whileHolding(databases.get(0),
                        "SELECT id FROM reconciliation_lock WHERE id = ? FOR UPDATE SKIP LOCKED", LOCK_ROW,
                        this::reconcile).orElse(false);
            } catch (RuntimeException | SQLException e) {
                log.warn("reconciliation pass failed, next one in {}: {}", properties.interval(), e.toString());
                return true;
            }
        } while (behind && pausedForCatchUp());
        return checkedAny;
    }

    /** @return false when interrupted (the job is stopping) */
    private boolean pausedForCatchUp() {
        try {
            Thread.sleep(properties.catchUpPause().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One pass: the orders changed since the watermarks, then the orders with open findings. */
    boolean reconcile() {
        Map<String, Watermark> marks = findings.watermarks();
        int changed = 0;
        int opened = 0;
        for (int db = 0; db < databases.size(); db++) {
            for (String table : OrderTable.physicalTables()) {
                String source = "order-" + db + "." + table;
                List<Changed> batch = changedSince(db, table, marks.getOrDefault(source, Watermark.START));
                if (batch.isEmpty()) {
                    continue;
                }
                opened += findings.record(check(batch.stream().map(c -> Subject.of(c.order())).toList()));
                Changed last = batch.get(batch.size() - 1);
                findings.advance(source, new Watermark(last.updatedAt(), last.order().orderId()));
                changed += batch.size();
                behind |= batch.size() == properties.batchSize();
            }
        }
        List<Checked> stillOpen = findings.openOrders(properties.batchSize());
        if (!stillOpen.isEmpty()) {
            findings.record(check(stillOpen.stream().map(o -> new Subject(o.orderId(), o.userId(),
                    orders.find(o.orderId(), o.userId()))).toList()));
        }
        checked.increment(changed + stillOpen.size());
        open.set(findings.countOpen());
        lastPass.set(Instant.now().getEpochSecond());
        if (opened > 0) {
            log.warn("reconciliation: {} finding(s) about the {} order(s) changed since the last pass; {} open in all "
                    + "(GET /api/admin/reconciliation)", opened, changed, open.get());
        }
        return changed > 0;
    }

    /** An order changed since the watermark, with when. */
    private record Changed(Order order, Instant updatedAt) {
    }

    private List<Changed> changedSince(int db, String table, Watermark mark) {
        Timestamp at = Timestamp.from(mark.updatedAt());
        return orderTables.get(db).query("SELECT * FROM " + table + """
                 WHERE (updated_at > ? OR updated_at = ? AND order_id > ?)
                  AND updated_at < TIMESTAMPADD(MICROSECOND, ?, NOW(3))
                ORDER BY updated_at, order_id LIMIT ?""",
                (rs, i) -> new Changed(OrderRepository.ORDER_ROW.mapRow(rs, i), rs.getTimestamp("updated_at")
                        .toInstant()), at, at, mark.orderId(), -properties.settleAfter().toNanos() / 1000,
                properties.batchSize());
    }

    /** An order id to check, with its row; empty: the row is gone (a TCC placement rolled back, say). */
    private record Subject(long orderId, long userId, Optional<Order> order) {
        static Subject of(Order order) {
            return new Subject(order.orderId(), order.userId(), Optional.of(order));
        }
    }

    /** Checks the orders against the ledgers; an order id without its row must have no movement. */
    private List<Checked> check(List<Subject> batch) {
        List<Long> ids = batch.stream().map(Subject::orderId).toList();
        Map<Long, List<StockMovement>> stock = inventory.getMovements(ids).stream()
                .collect(Collectors.groupingBy(StockMovement::orderId));
        Map<Long, List<WalletMovement>> money = wallets.getMovements(ids).stream()
                .collect(Collectors.groupingBy(WalletMovement::orderId));
        return batch.stream().map(s -> new Checked(s.orderId(), s.userId(), LedgerCheck.check(s.order(),
                stock.getOrDefault(s.orderId(), List.of()), money.getOrDefault(s.orderId(), List.of())))).toList();
    }
}
