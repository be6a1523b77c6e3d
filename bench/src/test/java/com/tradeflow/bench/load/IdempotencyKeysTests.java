package com.tradeflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

    @Test
    void shouldNotRepeatKeysWhenTheSameWorkerAsksAgainInOneRun() {
        // each mode, and each warm-up, gets a fresh sequence for worker 0 of the same run
        String run = IdempotencyKeys.newRunPrefix();
        Set<String> keys = new HashSet<>();
        for (int sequence = 0; sequence < 4; sequence++) {
            IdempotencyKeys again = IdempotencyKeys.forWorker(run, 0);
            for (int i = 0; i < 100; i++) {
                keys.add(again.next());
            }
        }
        assertThat(keys).hasSize(400);
    }
}
