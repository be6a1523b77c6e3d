package com.tradeflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OperationStatsTests {

    @Test
    void shouldGivePercentilesInMillisAndCountAnswersByLabel() {
        OperationStats stats = new OperationStats();
        for (int ms = 1; ms <= 100; ms++) {
            stats.record(Answer.of(201, "{}"), TimeUnit.MILLISECONDS.toNanos(ms));
        }
        stats.record(
                Answer.of(409, "{\"code\":\"CONCURRENT_UPDATE\",\"message\":\"retry\"}"),
                TimeUnit.MILLISECONDS.toNanos(1000));

        assertThat(stats.requests()).isEqualTo(101);
        assertThat(stats.successes()).isEqualTo(100);
        assertThat(stats.percentileMillis(50)).isCloseTo(51, within(0.1));
        assertThat(stats.maxMillis()).isCloseTo(1000, within(1.0));
        assertThat(stats.answers()).containsEntry("201", 100L).containsEntry("409 CONCURRENT_UPDATE", 1L);
    }

    @Test
    void shouldMergeWorkers() {
        OperationStats one = new OperationStats();
        OperationStats two = new OperationStats();
        one.record(Answer.of(201, null), 1_000_000);
        two.record(Answer.of(201, null), 3_000_000);
        two.record(Answer.failed(new java.net.http.HttpTimeoutException("timed out")), 5_000_000);

        one.add(two);

        assertThat(one.requests()).isEqualTo(3);
        assertThat(one.successes()).isEqualTo(2);
        assertThat(one.answers()).containsEntry("201", 2L).containsEntry("no answer (HttpTimeoutException)", 1L);
    }

    @Test
    void shouldClampAbsurdLatenciesInsteadOfFailing() {
        OperationStats stats = new OperationStats();
        stats.record(Answer.of(201, null), TimeUnit.HOURS.toNanos(2));
        stats.record(Answer.of(201, null), -5);
        assertThat(stats.requests()).isEqualTo(2);
    }
}
