package com.tradeflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LoadPlanTests {

    @Test
    void shouldDescribeBothLoops() {
        assertThat(new LoadPlan(16, Duration.ofSeconds(20), Duration.ofSeconds(60), OptionalDouble.empty()).describe())
                .isEqualTo("closed loop, 16 connections");
        assertThat(new LoadPlan(16, Duration.ZERO, Duration.ofSeconds(60), OptionalDouble.of(300)).describe())
                .isEqualTo("open loop at 300/s, 16 connections");
    }

    @Test
    void shouldRefuseAnEmptyPlan() {
        assertThatThrownBy(() -> new LoadPlan(0, Duration.ZERO, Duration.ofSeconds(1), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPlan(1, Duration.ZERO, Duration.ZERO, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(1), OptionalDouble.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
