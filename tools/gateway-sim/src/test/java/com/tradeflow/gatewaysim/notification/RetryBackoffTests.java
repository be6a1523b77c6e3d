package com.tradeflow.gatewaysim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

    @Test
    void shouldDoubleTheIntervalAfterEachAttemptUpToTheCap() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3), 8);

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMillis(3000));
        assertThat(backoff.delayAfter(50)).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void shouldAllowMaxAttemptsInAll() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3), 3);

        assertThat(backoff.allowsAnotherAfter(1)).isTrue();
        assertThat(backoff.allowsAnotherAfter(2)).isTrue();
        assertThat(backoff.allowsAnotherAfter(3)).isFalse();
    }

    @Test
    void shouldDefaultTo500MillisDoubledAndEightAttempts() {
        RetryBackoff defaults = RetryBackoff.defaults();

        assertThat(defaults.initialInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.maxAttempts()).isEqualTo(8);
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .hasMessageContaining("initial interval");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .hasMessageContaining("max interval");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessageContaining("max attempts");
    }
}
