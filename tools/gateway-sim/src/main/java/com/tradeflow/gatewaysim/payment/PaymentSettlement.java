package com.tradeflow.gatewaysim.payment;

import com.tradeflow.gatewaysim.fault.FaultSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles each payment on its own after the settle delay, as the customer's bank would: FAILED with the
 * configured {@code failedRate}, SUCCEEDED otherwise; then hands the final payment to the listener (the
 * notifier). The outcome is decided when the payment settles, so a fault change applies to payments still
 * pending.
 */
public final class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final PaymentStore store;
    private final FaultSettings faults;
    private final ScheduledExecutorService scheduler;
    private final Duration settleDelay;
    private final Clock clock;
    private final Consumer<Payment> onSettled;

    public PaymentSettlement(
            PaymentStore store,
            FaultSettings faults,
            ScheduledExecutorService scheduler,
            Duration settleDelay,
            Clock clock,
            Consumer<Payment> onSettled) {
        this.store = store;
        this.faults = faults;
        this.scheduler = scheduler;
        this.settleDelay = settleDelay;
        this.clock = clock;
        this.onSettled = onSettled;
    }

    void schedule(Payment payment) {
        try {
            scheduler.schedule(() -> settle(payment.merchantOrderNo()), settleDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("gateway stopping: payment {} stays PENDING", payment.paymentId());
        }
    }

    private void settle(String merchantOrderNo) {
        // a scheduled task's exception would vanish silently: log it
        try {
            boolean failed = faults.roll(faults.current().failedRate());
            Payment settled = store.settle(merchantOrderNo, failed, clock.instant());
            log.debug("payment {} ({}) {}", settled.paymentId(), merchantOrderNo, settled.status());
            onSettled.accept(settled);
        } catch (RuntimeException e) {
            log.error("settling merchant order {} failed", merchantOrderNo, e);
        }
    }
}
