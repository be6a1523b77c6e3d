package com.tradeflow.bench.load;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTests {

    /** The API's limit for an Idempotency-Key. */
    private static final int API_MAX_LENGTH = 64;

    @Test
    void shouldGiveEveryRequestOfEveryWorkerItsOwnShortKey() {
        String run = IdempotencyKeys.newRunPrefix();
        Set<String> keys = new HashSet<>();
        for (int worker = 0; worker < 3; worker++) {
            IdempotencyKeys perWorker = IdempotencyKeys.forWorker(run, worker);
            for (int i = 0; i < 1000; i++) {
                keys.add(perWorker.next());
            }
        }
        assertThat(keys).hasSize(3000).allMatch(key -> key.length() < API_MAX_LENGTH && key.startsWith(run));
        assertThat(IdempotencyKeys.newRunPrefix()).isNotEqualTo(run);
    }
}
