package com.tradeflow.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedReadingTests {

    @Test
    void shouldReadOnceForEveryGaugeOfAScrapeAndAgainOnceItIsOld() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofMillis(50), -1);
        assertThat(reading.get()).isEqualTo(1);
        assertThat(reading.get()).isEqualTo(1);
        Thread.sleep(60);
        assertThat(reading.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldAnswerTheFallbackWhileReadingsFail() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CachedReading<Integer> reading = new CachedReading<>(
                () -> {
                    if (reads.incrementAndGet() == 1) {
                        throw new IllegalStateException("database away");
                    }
                    return 7;
                },
                Duration.ZERO,
                -1);
        assertThat(reading.get()).isEqualTo(-1);
        assertThat(reading.get()).isEqualTo(7);
    }
}
