package com.tradeflow.platform.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.util.TimeUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sentinel's clock under load: its own millisecond thread takes over, unless {@link SentinelClock} keeps it off. */
class SentinelClockTests {

    /** Sentinel switches above 1,200 reads a second; these bursts read about 5,000 a second at little CPU. */
    private static final int READS_PER_BURST = 50;

    private static final long BURST_PAUSE_MS = 10;
    /** Sentinel looks at the read rate every 3 s, over the last 3 s: it switches within two looks. */
    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(10);
    /** More than one of Sentinel's looks at the read rate. */
    private static final Duration HELD_FOR = Duration.ofMillis(4_000);

    @Test
    void underLoadTheClockLeavesItsMillisecondThreadAndStaysOnTheSystemClock() throws InterruptedException {
        TimeUtil clock = new TimeUtil(); // its own instance and thread: Sentinel's shared one may be set already

        long deadline = System.nanoTime() + SWITCH_WITHIN.toNanos();
        while (clock.getState() != TimeUtil.STATE.RUNNING && System.nanoTime() < deadline) {
            readBurst(clock);
        }
        assertThat(clock.getState())
                .as("Sentinel's own behaviour under this load (else this test proves nothing)")
                .isEqualTo(TimeUtil.STATE.RUNNING);

        assertThat(SentinelClock.readSystemTime(clock)).isTrue();
        assertThat(clock.getState()).isEqualTo(TimeUtil.STATE.IDLE);

        long heldUntil = System.nanoTime() + HELD_FOR.toNanos();
        while (System.nanoTime() < heldUntil) {
            readBurst(clock);
            assertThat(clock.getState()).isEqualTo(TimeUtil.STATE.IDLE);
        }
        long before = System.currentTimeMillis();
        long read = clock.getTime();
        assertThat(read).isBetween(before, System.currentTimeMillis());
    }

    private static void readBurst(TimeUtil clock) throws InterruptedException {
        for (int i = 0; i < READS_PER_BURST; i++) {
            clock.getTime();
        }
        TimeUnit.MILLISECONDS.sleep(BURST_PAUSE_MS);
    }
}
