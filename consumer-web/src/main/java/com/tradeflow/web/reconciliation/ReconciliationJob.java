package com.tradeflow.web.reconciliation;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.jobs.LockRows;
import com.tradeflow.platform.jobs.PollingJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Proves that the books of the three services agree, by running every {@link BooksCheck} in each pass: orders
 * against the stock and wallet ledgers, wallets and stock against their opening figures and ledgers, the two sides
 * of each transfer, and finished top-ups against their credits.
 * <ul>
 * <li>Incremental: each check reads on from where its last pass stopped (a stored watermark or position), so a pass
 * costs what changed, not all rows; a row is read once {@code settle-after} has passed since its last change (its
 * transaction has ended by then).</li>
 * <li>A check reads at most {@code batch-size} rows per table or database and pass; when one found a full batch,
 * the next pass starts {@code catch-up-pause} later instead of {@code interval}, until the job has caught up.</li>
 * <li>What disagrees is stored as a finding ({@link Findings}); the subjects with open findings are checked again at
 * every pass, and a finding no longer found (an in-flight transaction that completed, a fix) clears itself. A
 * real mismatch stays open until an operator resolves it ({@code POST /api/admin/reconciliation/findings/{id}/
 * resolve}).</li>
 * <li>One instance at a time: a pass holds the {@code reconciliation_lock} row ({@code FOR UPDATE SKIP
 * LOCKED}). A check that fails (a provider down) is logged and tried again next pass; the others go on.</li>
 * </ul>
 * Metrics: {@code tradeflow.reconciliation.findings.open}, {@code tradeflow.reconciliation.last.pass} (epoch
 * seconds of the last completed pass), {@code tradeflow.reconciliation.checked} (subjects read because they changed,
 * by {@code subject}).
 */
@Component
class ReconciliationJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);
    private static final int LOCK_ROW = 1;

    private final DataSource home;
    private final List<BooksCheck> checks;
    private final Findings findings;
    private final ReconciliationProperties properties;
    private final PollingJob job;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong lastPass = new AtomicLong();
    private final Map<Subject, Counter> checked = new EnumMap<>(Subject.class);
    /** The last round read a full batch somewhere: there is more to read. */
    private boolean behind;

    /** @param checks in their {@code @Order}: orders first */
    ReconciliationJob(
            BranchTypeRoutingDataSource dataSource,
            List<BooksCheck> checks,
            Findings findings,
            ReconciliationProperties properties,
            MeterRegistry registry) {
        this.home = dataSource.physicalPools().get(0);
        this.checks = List.copyOf(checks);
        this.findings = findings;
        this.properties = properties;
        this.job = new PollingJob("reconciliation", properties.interval(), properties.idleInterval(), this::pass);
        Gauge.builder("tradeflow.reconciliation.findings.open", open, AtomicLong::get)
                .description("findings of the reconciliation still open")
                .register(registry);
        Gauge.builder("tradeflow.reconciliation.last.pass", lastPass, AtomicLong::get)
                .baseUnit("seconds")
                .description("when the last reconciliation pass ended (epoch seconds)")
                .register(registry);
        for (Subject subject : Subject.values()) {
            checked.put(
                    subject,
                    Counter.builder("tradeflow.reconciliation.checked")
                            .tag("subject", subject.name())
                            .description("subjects (orders, wallets ...) checked because they changed")
                            .register(registry));
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("reconciliation disabled in this instance (tradeflow.reconciliation.enabled=false)");
            return;
        }
        job.start();
        log.info(
                "reconciliation checks {} {} after their last change, every {} while they change, every {} at "
                        + "most when quiet",
                checks.stream().map(BooksCheck::subject).toList(),
                properties.settleAfter(),
                properties.interval(),
                properties.idleInterval());
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
     * @return whether it checked anything that changed (the next pass then follows {@code interval} later)
     */
    private boolean pass() {
        boolean checkedAny = false;
        do {
            behind = false;
            try {
                checkedAny |= LockRows.whileHolding(
                                home,
                                "SELECT id FROM reconciliation_lock WHERE id = ? FOR UPDATE SKIP LOCKED",
                                LOCK_ROW,
                                this::reconcile)
                        .orElse(false);
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

    /** One pass of every check. @return whether any read something that changed */
    boolean reconcile() {
        int changed = 0;
        int opened = 0;
        for (BooksCheck check : checks) {
            try {
                BooksCheck.Pass pass = check.pass();
                checked.get(check.subject()).increment(pass.changed());
                changed += pass.changed();
                opened += pass.opened();
                behind |= pass.behind();
            } catch (RuntimeException e) {
                log.warn("reconciliation of {} failed, tried again next pass: {}", check.subject(), e.toString());
            }
        }
        open.set(findings.countOpen());
        lastPass.set(Instant.now().getEpochSecond());
        if (opened > 0) {
            log.warn(
                    "reconciliation: {} finding(s) about the {} subject(s) changed since the last pass; {} open in "
                            + "all (GET /api/admin/reconciliation)",
                    opened,
                    changed,
                    open.get());
        }
        return changed > 0;
    }
}
