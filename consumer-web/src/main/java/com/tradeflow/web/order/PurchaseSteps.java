package com.tradeflow.web.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Times each step of a purchase, per mode: {@code tradeflow.purchase.step{step="stock",mode="AT"}} on
 * {@code /actuator/prometheus} (count, sum and max of seconds), so the cost of every step is visible in production,
 * not only in a profiler. A step that throws is timed as well. The global transaction's own begin and commit are
 * {@code tradeflow.global.transaction} ({@link com.tradeflow.web.transaction.GlobalTransactions}).
 */
@Component
class PurchaseSteps {

    static final String METER = "tradeflow.purchase.step";

    /** What a purchase does, in order. */
    enum Step {
        /** the Idempotency-Key's earlier request, if any */
        REPLAY("replay"),
        /** provider-inventory takes (or, TCC, reserves) the stock */
        STOCK("stock"),
        /** provider-account debits (or, TCC, freezes) the money */
        MONEY("money"),
        /** the order row (with its Idempotency-Key) and its event, in the user's order database */
        ORDER("order"),
        /** a placement still in phase two (e.g. a TCC confirm retried) recorded with its status */
        RECORD("record");

        private final String tag;

        Step(String tag) {
            this.tag = tag;
        }
    }

    private final Map<TransactionMode, Map<Step, Timer>> timers = new EnumMap<>(TransactionMode.class);

    PurchaseSteps(MeterRegistry registry) {
        // all registered up front: no registry lookup on the purchase path
        for (TransactionMode mode : TransactionMode.values()) {
            Map<Step, Timer> byStep = new EnumMap<>(Step.class);
            for (Step step : Step.values()) {
                byStep.put(
                        step,
                        Timer.builder(METER)
                                .description("time of one step of a purchase")
                                .tag("step", step.tag)
                                .tag("mode", mode.name())
                                .register(registry));
            }
            timers.put(mode, byStep);
        }
    }

    <T> T time(Step step, TransactionMode mode, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer(step, mode).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    void time(Step step, TransactionMode mode, Runnable work) {
        time(step, mode, () -> {
            work.run();
            return null;
        });
    }

    Timer timer(Step step, TransactionMode mode) {
        return timers.get(mode).get(step);
    }
}
