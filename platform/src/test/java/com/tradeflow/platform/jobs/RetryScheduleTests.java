package com.tradeflow.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private final RetrySchedule schedule = new RetrySchedule(4, Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(5));

    @Test
    void shouldWaitLongerAfterEachFailureWithinTheJitterAndTheCap() {
        for (int run = 0; run < 200; run++) {
            assertThat(schedule.retryAfter(1).orElseThrow()).isBetween(500L, 1_500L);
            assertThat(schedule.retryAfter(2).orElseThrow()).isBetween(1_000L, 3_000L);
            assertThat(schedule.retryAfter(3).orElseThrow()).isBetween(2_000L, 5_000L);
        }
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(schedule.retryAfter(4)).isEmpty();
        assertThat(schedule.retryAfter(5)).isEmpty();
    }

    @Test
    void shouldPauseWithoutLimitOnTheNumberOfFailures() {
        assertThat(schedule.pause(50)).isBetween(2_500L, 5_000L);
        assertThat(schedule.pause(0)).isBetween(500L, 1_500L);
    }

    @Test
    void shouldKeepErrorTextShort() {
        assertThat(RetrySchedule.errorText(new IllegalStateException("x".repeat(2_000))))
                .hasSize(500);
        assertThat(RetrySchedule.errorText(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }
}
