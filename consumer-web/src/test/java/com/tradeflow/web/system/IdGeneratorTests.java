package com.tradeflow.web.system;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdGeneratorTests {

    @Test
    void shouldIssueUniqueIncreasingIdsCarryingTheWorker() {
        IdGenerator ids = new IdGenerator(37);
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 50_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            assertThat((id >> 12) & 1023).isEqualTo(37);
            previous = id;
        }
    }

    @Test
    void shouldRefuseAWorkerIdOutsideTenBits() {
        assertThatThrownBy(() -> new IdGenerator(1024)).hasMessageContaining("worker-id");
        assertThatThrownBy(() -> new IdGenerator(-1)).hasMessageContaining("worker-id");
    }
}
