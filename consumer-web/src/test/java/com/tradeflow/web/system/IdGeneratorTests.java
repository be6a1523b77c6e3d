package com.tradeflow.web.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IdGeneratorTests {

    @Test
    void shouldIssueUniqueIncreasingIdsCarryingTheWorker() {
        IdGenerator ids = new IdGenerator(fixed(37));
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
        assertThatThrownBy(() -> new IdGenerator(fixed(1024))).hasMessageContaining("worker-id");
        assertThatThrownBy(() -> new IdGenerator(fixed(-1))).hasMessageContaining("worker-id");
    }

    @Test
    void shouldMintNothingWhileTheWorkerIdIsNotHeld() {
        AtomicBoolean held = new AtomicBoolean(true);
        IdGenerator ids = new IdGenerator(new WorkerId() {
            @Override
            public long id() {
                return 5;
            }

            @Override
            public boolean held() {
                return held.get();
            }
        });
        ids.next();

        held.set(false);
        assertThatThrownBy(ids::next)
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE));

        held.set(true);
        assertThat((ids.next() >> 12) & 1023).isEqualTo(5);
    }

    /** A worker id nobody else uses: always held. */
    private static WorkerId fixed(long id) {
        return new WorkerId() {
            @Override
            public long id() {
                return id;
            }

            @Override
            public boolean held() {
                return true;
            }
        };
    }
}
