package com.tradeflow.web.topup;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.jobs.LockRows;
import com.tradeflow.platform.jobs.PollingJob;
import com.tradeflow.platform.jobs.RetrySchedule;
import com.tradeflow.web.gateway.GatewayException;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentGatewayClient;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The active query job: finishes what notifications did not.
 * <ul>
 * <li>A notification stored but never processed (its instance died in between) is processed.</li>
 * <li>A top-up still PENDING {@code reconcile-after} its creation is looked at: never handed to the gateway (the
 * instance died before, or the gateway could not be reached) -> submitted, with the same merchant order number;
 * handed over -> queried, and a final status there settles it like a notification would. Still open -> queried
 * again after a growing interval (with jitter, capped).</li>
 * <li>Still PENDING {@code review-after} its creation -> flagged for manual review (listed by the admin API) and
 * still queried at the longest interval, so it settles as soon as the gateway knows.</li>
 * </ul>
 * One instance works a database at a time (its {@code top_up_job_lock} row, {@code FOR UPDATE SKIP LOCKED}); the
 * state machine makes a race with a notification harmless anyway.
 */
@Component
class TopUpReconciliation implements SmartLifecycle {

    private static final int JOB_LOCK_ROW = 1;
    private static final Logger log = LoggerFactory.getLogger(TopUpReconciliation.class);

    private final List<DataSource> databases;
    private final TopUpProperties properties;
    private final PaymentGatewayClient gateway;
    private final TopUpSubmission submission;
    private final TopUpSettlement settlement;
    private final TopUpRepository topUps;
    private final PaymentCallbacks callbacks;
    private final RetrySchedule rechecks;
    private final PollingJob job;

    TopUpReconciliation(
            BranchTypeRoutingDataSource dataSource,
            TopUpProperties properties,
            PaymentGatewayClient gateway,
            TopUpSubmission submission,
            TopUpSettlement settlement,
            TopUpRepository topUps,
            PaymentCallbacks callbacks) {
        this.databases = dataSource.physicalPools();
        this.properties = properties;
        this.gateway = gateway;
        this.submission = submission;
        this.settlement = settlement;
        this.topUps = topUps;
        this.callbacks = callbacks;
        this.rechecks = new RetrySchedule(
                Integer.MAX_VALUE,
                properties.recheckInitial(),
                properties.recheckMultiplier(),
                properties.recheckJitter(),
                properties.recheckMax());
        this.job = new PollingJob(
                "top-up-reconciliation", properties.pollInterval(), properties.idlePollInterval(), this::pass);
    }

    @Override
    public void start() {
        if (!properties.jobEnabled()) {
            log.info("top-up reconciliation disabled in this instance (tradeflow.top-ups.job-enabled=false)");
            return;
        }
        job.start();
        log.info(
                "top-up reconciliation polls {} database(s) every {}: PENDING top-ups queried after {}, flagged "
                        + "for review after {}",
                databases.size(),
                properties.pollInterval(),
                properties.reconcileAfter(),
                properties.reviewAfter());
    }

    /** @return whether any database had something to do */
    private boolean pass() {
        boolean found = false;
        for (int shard = 0; shard < databases.size(); shard++) {
            try {
                found |= reconcile(shard);
            } catch (RuntimeException | SQLException e) {
                log.warn(
                        "top-up reconciliation, database {}: pass failed, next one in {}: {}",
                        shard,
                        properties.pollInterval(),
                        e.toString());
                found = true;
            }
        }
        return found;
    }

    /**
     * One pass over one database (nothing when another instance works it). @return whether it found stored
     * notifications or top-ups to handle (true when another instance works it)
     */
    boolean reconcile(int shard) throws SQLException {
        DataSource db = databases.get(shard);
        return LockRows.whileHolding(
                        db, "SELECT id FROM top_up_job_lock WHERE id = ? FOR UPDATE SKIP LOCKED", JOB_LOCK_ROW, () -> {
                            JdbcTemplate jdbc = new JdbcTemplate(db);
                            Instant now = Instant.now();
                            List<PaymentNotificationRepository.Stored> stuck = PaymentNotificationRepository.stuck(
                                    jdbc, now.minus(properties.stuckNotificationAfter()), properties.batchSize());
                            stuck.forEach(this::processStored);
                            List<TopUp> due = TopUpRepository.due(jdbc, now, properties.batchSize());
                            due.forEach(topUp -> check(topUp, now));
                            return !stuck.isEmpty() || !due.isEmpty();
                        })
                .orElse(true);
    }

    private void processStored(PaymentNotificationRepository.Stored stuck) {
        try {
            callbacks.processStored(stuck);
        } catch (RuntimeException e) {
            log.warn(
                    "stored payment notification {} ({}) not processed, again next pass: {}",
                    stuck.notificationId(),
                    stuck.merchantOrderNo(),
                    e.toString());
        }
    }

    /**
     * The check of one PENDING top-up, now rather than at its turn (an operator asks): the job's own.
     *
     * @return the gateway's payment as the check saw it; empty when the gateway did not answer, or refused it
     */
    Optional<GatewayPayment> checkNow(TopUp topUp) {
        return check(topUp, Instant.now());
    }

    private Optional<GatewayPayment> check(TopUp topUp, Instant now) {
        if (topUp.reviewReason() == null
                && topUp.createdAt().plus(properties.reviewAfter()).isBefore(now)) {
            settlement.flag(
                    topUp,
                    "still PENDING " + properties.reviewAfter() + " after it was created ("
                            + (topUp.submitted() ? "the gateway has not settled it" : "never accepted by the gateway")
                            + (topUp.lastError() == null ? ")" : "; last error: " + topUp.lastError() + ")"));
        }
        int checks = topUp.checks() + 1;
        Optional<GatewayPayment> payment = Optional.empty();
        try {
            if (!topUp.submitted()) {
                payment = submission.submit(topUp, false);
                log.info(
                        "top-up {} ({}) handed to the gateway by the reconciliation job",
                        topUp.topUpId(),
                        topUp.merchantOrderNo());
            } else {
                payment = gateway.find(topUp.merchantOrderNo());
                if (payment.isEmpty()) {
                    // we had its payment id, the gateway has forgotten it: submit again, the same payment
                    log.warn(
                            "top-up {}: the gateway has no payment {} any more; submitting it again",
                            topUp.topUpId(),
                            topUp.merchantOrderNo());
                    payment = submission.submit(topUp, false);
                } else if (payment.get().status().isFinal()) {
                    TopUpSettlement.Outcome outcome =
                            settlement.settle(topUp.userId(), topUp.merchantOrderNo(), payment.get(), "QUERY");
                    log.info(
                            "top-up {} ({}) reconciled by query after {} check(s): {}",
                            topUp.topUpId(),
                            topUp.merchantOrderNo(),
                            checks,
                            outcome);
                    return payment;
                }
            }
            topUps.scheduleCheck(topUp, checks, nextCheck(checks), null);
            return payment;
        } catch (GatewayException e) {
            long wait = rechecks.pause(checks);
            topUps.scheduleCheck(topUp, checks, Instant.now().plusMillis(wait), RetrySchedule.errorText(e));
            log.info(
                    "top-up {} ({}): check {} failed, next in {} ms: {}",
                    topUp.topUpId(),
                    topUp.merchantOrderNo(),
                    checks,
                    wait,
                    e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // anything else (an answer we cannot use, a database error): this top-up waits its turn again, the
            // others of the batch go on
            long wait = rechecks.pause(checks);
            topUps.scheduleCheck(topUp, checks, Instant.now().plusMillis(wait), RetrySchedule.errorText(e));
            log.warn(
                    "top-up {} ({}): check {} failed unexpectedly, next in {} ms",
                    topUp.topUpId(),
                    topUp.merchantOrderNo(),
                    checks,
                    wait,
                    e);
            return Optional.empty();
        }
    }

    private Instant nextCheck(int checks) {
        return Instant.now().plusMillis(rechecks.pause(checks));
    }

    @Override
    public void stop() {
        job.stop();
    }

    @Override
    public boolean isRunning() {
        return job.isRunning();
    }
}
