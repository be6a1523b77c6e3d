package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradeflow.platform.metrics.OutcomeHistory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurchaseFiguresTests {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutcomeHistory history = new PurchaseFigures().purchaseHistory(meters, INTERVAL, 3);

    PurchaseFiguresTests() {
        meters.config().meterFilter(new PurchaseFigures().purchaseLatencyPercentile(INTERVAL));
    }

    @Test
    void eachSampleCountsTheIntervalsPurchasesErrorsAndP99() {
        answer("/api/orders", "POST", "SUCCESS", 20, Duration.ofMillis(40));
        answer("/api/orders", "POST", "SERVER_ERROR", 5, Duration.ofMillis(5));
        answer("/api/orders", "GET", "SUCCESS", 100, Duration.ofMillis(1));
        answer("/api/products/{skuId}", "GET", "SUCCESS", 100, Duration.ofMillis(1));
        history.sample();

        OutcomeHistory.Sample first = history.samples().get(0);
        assertThat(first.perSecond()).as("20 purchases in 10 s").isEqualTo(2.0);
        assertThat(first.errorRate()).as("5 of 25 answers").isEqualTo(0.2);
        assertThat(history.samples()).hasSize(1);
        assertThat(first.p99Millis()).isCloseTo(40, within(2.0));

        answer("/api/orders", "POST", "SUCCESS", 10, Duration.ofMillis(40));
        answer("/api/orders", "POST", "CLIENT_ERROR", 10, Duration.ofMillis(1));
        history.sample();
        OutcomeHistory.Sample second = history.samples().get(1);
        assertThat(second.perSecond())
                .as("only what came since the last sample")
                .isEqualTo(1.0);
        assertThat(second.errorRate())
                .as("a refusal (4xx) is an answer, not a failure")
                .isZero();
    }

    @Test
    void keepsTheLastSamplesOnly() {
        for (int i = 0; i < 5; i++) {
            answer("/api/orders", "POST", "SUCCESS", i, Duration.ofMillis(10));
            history.sample();
        }
        assertThat(history.samples())
                .extracting(OutcomeHistory.Sample::perSecond)
                .containsExactly(0.2, 0.3, 0.4);
    }

    private void answer(String uri, String method, String outcome, int times, Duration took) {
        Timer timer = Timer.builder(PurchaseFigures.REQUESTS)
                .tag("uri", uri)
                .tag("method", method)
                .tag("outcome", outcome)
                .register(meters);
        for (int i = 0; i < times; i++) {
            timer.record(took);
        }
    }
}
