package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClockTicksTests {

    @Test
    void shouldParseGetconfOutput() {
        assertThat(ClockTicks.parse("100\n")).isEqualTo(100);
        assertThat(ClockTicks.parse(" 250 ")).isEqualTo(250);
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> ClockTicks.parse("0")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ClockTicks.parse("undefined")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void shouldAskTheMachineOrUseTheUsualValue() {
        assertThat(ClockTicks.perSecond()).isPositive();
    }
}
