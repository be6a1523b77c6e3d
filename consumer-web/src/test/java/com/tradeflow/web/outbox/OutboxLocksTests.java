package com.tradeflow.web.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxLocksTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> asked = new ArrayList<>();

    /** A coordinator holding locks on these event ids of database 1 only. */
    private OutboxLocks locking(String... locked) {
        Set<String> held = Set.of(locked);
        return new OutboxLocks(
                List.of("db-0", "db-1"),
                (resourceId, lockKeys) -> {
                    asked.add(lockKeys);
                    assertThat(lockKeys).startsWith("outbox_events:");
                    List<String> ids = Arrays.asList(
                            lockKeys.substring("outbox_events:".length()).split(","));
                    return !"db-1".equals(resourceId) || ids.stream().noneMatch(held::contains);
                },
                registry);
    }

    private static List<String> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> "e" + i).toList();
    }

    @Test
    void shouldAskOnceWhenNothingIsLocked() throws Exception {
        OutboxLocks locks = locking("e3");

        assertThat(locks.held(0, events(200))).isEmpty();
        assertThat(asked).hasSize(1);
        assertThat(registry.counter(OutboxLocks.QUERIES_METER).count()).isEqualTo(1);
    }

    @Test
    void shouldFindTheFewLockedRowsOfABatchWithAFewQuestionsEach() throws Exception {
        OutboxLocks locks = locking("e17", "e198", "e199");

        assertThat(locks.held(1, events(200))).containsExactlyInAnyOrder("e17", "e198", "e199");
        // row by row would be 201 questions; halving finds each locked row in about log2(200) = 8 steps
        assertThat(asked).hasSizeLessThanOrEqualTo(3 * 8 + 1);
        assertThat(registry.counter(OutboxLocks.QUERIES_METER).count()).isEqualTo(asked.size());
    }

    @Test
    void shouldFindEveryRowWhenAllAreLocked() throws Exception {
        OutboxLocks locks = locking("e0", "e1", "e2", "e3", "e4");

        assertThat(locks.held(1, events(5))).containsExactlyInAnyOrder("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void shouldAskAboutASingleRow() throws Exception {
        assertThat(locking("e0").held(1L, "e0")).isTrue();
        assertThat(locking("e0").held(1L, "e1")).isFalse();
        assertThat(locking("e0").held(2L, "e0")).as("user 2's database is db-0").isFalse();
    }
}
