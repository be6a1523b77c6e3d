package com.tradeflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTests {

    private static final long START = 1_000_000L;

    @Test
    void shouldSpaceRequestsEvenlyAtTheRate() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 100);
        assertThat(schedule.dueAt(0)).isEqualTo(START);
        assertThat(schedule.dueAt(1)).isEqualTo(START + 10_000_000L);
        assertThat(schedule.dueAt(250)).isEqualTo(START + 2_500_000_000L);
    }

    @Test
    void shouldKeepFractionalIntervalsFromDrifting() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3);
        assertThat(schedule.dueAt(3_000)).as("1000 s later, not 999.999").isEqualTo(1_000_000_000_000L);
    }

    @Test
    void shouldMeasureLatencyFromWhenTheRequestWasDue() {
        long due = 5_000_000L;
        long sentLate = due + 300_000_000L;
        long answered = sentLate + 2_000_000L;
        assertThat(OpenLoopSchedule.latencyFromDue(due, answered))
                .as("the 300 ms wait counts")
                .isEqualTo(302_000_000L);
    }

    @Test
    void shouldRefuseANonPositiveRate() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
