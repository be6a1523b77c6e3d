package com.tradeflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadGeneratorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpCall PLACE = HttpCall.post(1, "/api/orders", "{}", "k");

    @Test
    void shouldCountOnlyAnswersOfTheMeasuredWindowInAClosedLoop() throws Exception {
        FakeTransport transport = new FakeTransport(n -> 10L);
        List<String> hooks = new ArrayList<>();
        LoadPlan plan = new LoadPlan(2, Duration.ofMillis(300), Duration.ofMillis(500), OptionalDouble.empty());

        LoadResult result = new LoadGenerator(transport, plan, TIMEOUT)
                .run(worker -> session -> session.call("place", PLACE), hooks(hooks));

        assertThat(hooks).containsExactly("start", "end");
        long counted = result.operation("place").requests();
        // 2 connections x at most 100 answers/s x 0.5 s; the warm-up's answers are not counted
        assertThat(counted).isBetween(1L, 100L);
        assertThat(transport.sent()).isGreaterThan((int) counted);
        assertThat(result.operation("place").successes()).isEqualTo(counted);
        assertThat(result.operation("place").answers()).containsOnlyKeys("201");
        assertThat(result.measured()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldWarmUpBeyondThePlanUntilTheHooksSayTheStackIsWarm() throws Exception {
        FakeTransport transport = new FakeTransport(n -> 10L);
        List<String> hooks = new ArrayList<>();
        LoadPlan plan = new LoadPlan(1, Duration.ofMillis(100), Duration.ofMillis(300), OptionalDouble.empty());
        AtomicInteger asked = new AtomicInteger();

        LoadResult result = new LoadGenerator(transport, plan, TIMEOUT)
                .run(worker -> session -> session.call("place", PLACE), new LoadGenerator.WindowHooks() {
                    @Override
                    public boolean warmEnough() {
                        hooks.add("warm?");
                        return asked.incrementAndGet() == 3;
                    }

                    @Override
                    public void measuringStarts() {
                        hooks.add("start");
                    }

                    @Override
                    public void measuringEnds() {
                        hooks.add("end");
                    }
                });

        assertThat(hooks).containsExactly("warm?", "warm?", "warm?", "start", "end");
        // asked after the plan's 100 ms, then once a second: two seconds more
        assertThat(result.warmup())
                .isGreaterThanOrEqualTo(Duration.ofMillis(2100))
                .isLessThan(Duration.ofSeconds(4));
        assertThat(result.measured()).isEqualTo(Duration.ofMillis(300));
        // 10 ms answers: at most ~30 in the window, while ~210 were sent during the warm-up
        assertThat(result.operation("place").requests()).isBetween(1L, 31L);
        assertThat(transport.sent()).isGreaterThan(200);
    }

    @Test
    void shouldCountTheWaitBehindAStalledAnswerInAnOpenLoop() throws Exception {
        // 100 requests/s on one connection, answered at once, but the 10th answer takes 500 ms: the ~50 requests due
        // meanwhile wait for it
        FakeTransport transport = new FakeTransport(n -> n == 10 ? 500L : 0L);
        LoadPlan plan = new LoadPlan(1, Duration.ZERO, Duration.ofMillis(1500), OptionalDouble.of(100));

        LoadResult result = new LoadGenerator(transport, plan, TIMEOUT)
                .run(worker -> session -> session.call("place", PLACE), hooks(new ArrayList<>()));

        OperationStats place = result.operation("place");
        // 100/s over the warm-up (here only the moments before the window opened) and the window
        double runSeconds = (result.warmup().toNanos() + result.measured().toNanos()) / 1e9;
        assertThat(transport.sent()).as("never more than the rate").isLessThanOrEqualTo((int) (100 * runSeconds) + 1);
        assertThat(place.requests()).as("the late ones are sent too").isGreaterThan(100);
        // timed from the send, as a closed loop does, it would be one slow answer in ~150: p90 of ~0 ms
        assertThat(place.percentileMillis(90))
                .as("the requests due during the stall waited for it")
                .isGreaterThan(100);
        assertThat(place.maxMillis()).isGreaterThanOrEqualTo(500);
        assertThat(place.percentileMillis(50))
                .as("the loop catches up afterwards")
                .isLessThan(100);
    }

    @Test
    void shouldRecordEachOperationOfAStepApart() throws Exception {
        FakeTransport transport = new FakeTransport(n -> 5L);
        LoadPlan plan = new LoadPlan(1, Duration.ZERO, Duration.ofMillis(300), OptionalDouble.empty());

        LoadResult result = new LoadGenerator(transport, plan, TIMEOUT)
                .run(
                        worker -> session -> {
                            session.call("place", PLACE);
                            session.call("cancel", HttpCall.post(1, "/api/orders/1/cancel", "{}", null));
                        },
                        hooks(new ArrayList<>()));

        assertThat(result.operations()).containsOnlyKeys("cancel", "place");
        assertThat(result.requests())
                .isEqualTo(result.operation("place").requests()
                        + result.operation("cancel").requests());
    }

    @Test
    void shouldFailWhenAStepThrows() {
        FakeTransport transport = new FakeTransport(n -> 1L);
        LoadPlan plan = new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(5), OptionalDouble.empty());

        assertThatThrownBy(() -> new LoadGenerator(transport, plan, TIMEOUT)
                        .run(
                                worker -> session -> {
                                    throw new IllegalStateException("a bug in a scenario");
                                },
                                hooks(new ArrayList<>())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a bug");
    }

    private static LoadGenerator.WindowHooks hooks(List<String> calls) {
        return new LoadGenerator.WindowHooks() {
            @Override
            public void measuringStarts() {
                calls.add("start");
            }

            @Override
            public void measuringEnds() {
                calls.add("end");
            }
        };
    }
}
