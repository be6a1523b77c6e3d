package com.tradeflow.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitSettlingTests {

    private final StringWriter printed = new StringWriter();
    private long nanos;
    private double compilerMillis;

    @Test
    void shouldWarmOnWhileTheCompilersAreBusyAndStopOnceTheyAreQuiet() {
        JitSettling jit = settling(Duration.ofMinutes(15));

        assertThat(jit.warmEnough()).as("the first look only starts a sample").isFalse();
        // 10 s with a compiler busy on 60 % of a core
        pass(Duration.ofSeconds(5), 3000);
        assertThat(jit.warmEnough()).as("half a sample").isFalse();
        pass(Duration.ofSeconds(5), 3000);
        assertThat(jit.warmEnough()).isFalse();
        assertThat(printed.toString()).contains("JIT compilers at 60 % of a core");
        // then 10 s at 5 %
        pass(Duration.ofSeconds(10), 500);
        assertThat(jit.warmEnough()).isTrue();
        assertThat(jit.outcome())
                .hasValueSatisfying(o ->
                        assertThat(o).contains("AT: the JIT settled after 20 s").contains("5 %"));
        assertThat(jit.warmEnough()).as("once settled, for good").isTrue();
    }

    @Test
    void shouldStopAtTheLongestWarmUpAndSaySoWhenTheCompilersNeverSettle() {
        JitSettling jit = settling(Duration.ofSeconds(30));

        assertThat(jit.warmEnough()).isFalse();
        for (int i = 0; i < 2; i++) {
            pass(Duration.ofSeconds(10), 9000);
            assertThat(jit.warmEnough()).isFalse();
        }
        pass(Duration.ofSeconds(10), 9000);

        assertThat(jit.warmEnough()).isTrue();
        assertThat(jit.outcome())
                .hasValueSatisfying(
                        o -> assertThat(o).contains("still compiling").contains("the figures include its cost"));
    }

    @Test
    void shouldDecideWithinALongestWarmUpShorterThanASample() {
        JitSettling jit = settling(Duration.ofSeconds(3));

        assertThat(jit.warmEnough()).isFalse();
        pass(Duration.ofSeconds(2), 1000);
        assertThat(jit.warmEnough()).as("within the 3 s").isFalse();
        pass(Duration.ofSeconds(1), 500);

        assertThat(jit.warmEnough())
                .as("3 s sampled: the longest warm-up is up")
                .isTrue();
        assertThat(jit.outcome())
                .hasValueSatisfying(
                        o -> assertThat(o).contains("still compiling").contains("50 %"));
    }

    @Test
    void shouldNotWaitAtAllWithoutALongestWarmUp() {
        JitSettling jit = settling(Duration.ZERO);
        compilerMillis = 1_000_000;

        assertThat(jit.warmEnough()).isTrue();
        assertThat(jit.outcome()).isEmpty();
        assertThat(printed.toString()).isEmpty();
    }

    private JitSettling settling(Duration longest) {
        return new JitSettling(() -> compilerMillis, () -> nanos, longest, new PrintWriter(printed), "AT");
    }

    private void pass(Duration time, double compilerMillisMeanwhile) {
        nanos += time.toNanos();
        compilerMillis += compilerMillisMeanwhile;
    }
}
