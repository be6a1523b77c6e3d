package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PurchaseStepsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PurchaseSteps steps = new PurchaseSteps(registry);

    @Test
    void shouldTimeAStepUnderItsModeAndAnswerItsResult() {
        String result = steps.time(PurchaseSteps.Step.STOCK, TransactionMode.AT, () -> {
            sleep(20);
            return "taken";
        });

        assertThat(result).isEqualTo("taken");
        var timer = registry.get(PurchaseSteps.METER)
                .tag("step", "stock")
                .tag("mode", "AT")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
        assertThat(registry.get(PurchaseSteps.METER)
                        .tag("step", "stock")
                        .tag("mode", "TCC")
                        .timer()
                        .count())
                .isZero();
    }

    @Test
    void shouldTimeAStepThatFails() {
        Runnable failing = () -> {
            throw new IllegalStateException("insufficient balance");
        };
        assertThatThrownBy(() -> steps.time(PurchaseSteps.Step.MONEY, TransactionMode.XA, failing))
                .hasMessage("insufficient balance");

        assertThat(registry.get(PurchaseSteps.METER)
                        .tag("step", "money")
                        .tag("mode", "XA")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldRegisterEveryStepOfEveryModeUpFront() {
        assertThat(registry.find(PurchaseSteps.METER).timers())
                .hasSize(PurchaseSteps.Step.values().length * TransactionMode.values().length);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
