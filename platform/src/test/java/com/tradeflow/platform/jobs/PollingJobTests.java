package com.tradeflow.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingJobTests {

    private static final long BUSY = 200;
    private static final long IDLE = 2000;

    @Test
    void shouldDoubleThePauseAfterEmptyPassesUpToTheIdleInterval() {
        long pause = BUSY;
        StringBuilder pauses = new StringBuilder();
        for (int pass = 0; pass < 6; pass++) {
            pause = PollingJob.nextIdlePause(pause, BUSY, IDLE);
            pauses.append(pause).append(' ');
        }
        assertThat(pauses.toString().trim()).isEqualTo("400 800 1600 2000 2000 2000");
    }

    @Test
    void shouldRunAPassAtOnceWhenWokenDuringAnIdlePause() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        // a long idle pause: without the wake-up the second pass would come a minute later
        PollingJob job = new PollingJob("test-job", Duration.ofMillis(50), Duration.ofMinutes(1), () -> {
            passes.incrementAndGet();
            return false;
        });
        job.start();
        try {
            awaitPasses(passes, 1);
            // the pause after an empty pass is now 100 ms, then 200 ms ...; sleep past a few of them
            Thread.sleep(500);
            int before = passes.get();
            job.wake();
            awaitPasses(passes, before + 1);
            assertThat(passes.get()).isGreaterThan(before);
        } finally {
            job.stop();
        }
    }

    @Test
    void shouldKeepTheBusyIntervalWhilePassesFindWork() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        PollingJob job = new PollingJob("test-job", Duration.ofMillis(20), Duration.ofMinutes(1), () -> {
            passes.incrementAndGet();
            return true;
        });
        job.start();
        try {
            Thread.sleep(500);
        } finally {
            job.stop();
        }
        // 500 ms at 20 ms a pass: about 25; with doubling pauses it would have been 4 or 5
        assertThat(passes.get()).isGreaterThan(10);
    }

    @Test
    void shouldServeWakeUpsAtTheBusyIntervalWhilePassesFindWork() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        PollingJob job = new PollingJob("test-job", Duration.ofMillis(100), Duration.ofMinutes(1), () -> {
            passes.incrementAndGet();
            return true;
        });
        job.start();
        try {
            // a wake-up every 5 ms for 600 ms, as purchases under load wake the relay
            for (int i = 0; i < 120; i++) {
                job.wake();
                Thread.sleep(5);
            }
        } finally {
            job.stop();
        }
        // one pass per busy interval (about 6), not one per wake-up (up to 120)
        assertThat(passes.get()).isBetween(2, 12);
    }

    @Test
    void shouldEndWhenStoppedEvenIfThePassSwallowsTheInterrupt() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        PollingJob job = new PollingJob("test-job", Duration.ofMillis(10), Duration.ofMillis(10), () -> {
            passes.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException swallowed) {
                // a careless pass: the flag is gone
            }
            return true;
        });
        job.start();
        awaitPasses(passes, 1);
        job.stop();
        Thread.sleep(200);
        int afterStop = passes.get();
        Thread.sleep(200);
        assertThat(passes.get()).isEqualTo(afterStop);
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void shouldRefuseAnIdleIntervalShorterThanTheBusyOne() {
        assertThatThrownBy(() -> new PollingJob("test-job", Duration.ofSeconds(2), Duration.ofSeconds(1), () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle interval");
    }

    private static void awaitPasses(AtomicInteger passes, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (passes.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(passes.get()).as("passes").isGreaterThanOrEqualTo(atLeast);
    }
}
