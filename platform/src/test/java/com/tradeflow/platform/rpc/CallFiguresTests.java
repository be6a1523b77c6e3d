package com.tradeflow.platform.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradeflow.platform.metrics.OutcomeHistory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A provider's call figures: refusals are answers, errors are failures, the p99 is the successes'. */
class CallFiguresTests {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallFiguresAutoConfiguration configuration = new CallFiguresAutoConfiguration();
    private final OutcomeHistory history = configuration.callHistory(meters, INTERVAL, 5);

    CallFiguresTests() {
        meters.config().meterFilter(configuration.callLatencyPercentile(INTERVAL));
    }

    @Test
    void shouldCountSuccessesPerSecondAndErrorsButNotRefusalsAsFailures() {
        calls("debit", ProviderCallMetrics.Outcome.SUCCESS, 30, Duration.ofMillis(20));
        calls("deduct", ProviderCallMetrics.Outcome.SUCCESS, 10, Duration.ofMillis(20));
        calls("debit", ProviderCallMetrics.Outcome.REFUSED, 40, Duration.ofMillis(1));
        calls("debit", ProviderCallMetrics.Outcome.ERROR, 20, Duration.ofMillis(1));
        history.sample();

        OutcomeHistory.Sample sample = history.samples().get(0);
        assertThat(sample.perSecond()).as("40 successes in 10 s").isEqualTo(4.0);
        assertThat(sample.errorRate()).as("20 errors of 100 answers").isEqualTo(0.2);
        assertThat(sample.p99Millis()).isCloseTo(20, within(2.0));
    }

    private void calls(String method, ProviderCallMetrics.Outcome outcome, int times, Duration took) {
        Timer timer = Timer.builder(ProviderCallMetrics.METRIC)
                .tag("service", "WalletService")
                .tag("method", method)
                .tag("outcome", outcome.name())
                .register(meters);
        for (int i = 0; i < times; i++) {
            timer.record(took);
        }
    }
}
