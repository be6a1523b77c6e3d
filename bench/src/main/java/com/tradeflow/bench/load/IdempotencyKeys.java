package com.tradeflow.bench.load;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fresh Idempotency-Key for every request, as a real client sends one per logical request: a random prefix per
 * run, the number of this key sequence in the run, the worker and a counter ({@code b3f9a0c1d2e4f5a6-5-7-1234}, well
 * under the API's 64 characters). Unique across runs, so a rerun never replays an earlier run's orders, and across
 * the sequences of one run (each mode and warm-up asks for its own: with the worker alone they started over and
 * replayed or, for another user's body, were refused with 422).
 */
public final class IdempotencyKeys {

    private static final int PREFIX_BYTES = 8;
    private static final AtomicLong SEQUENCES = new AtomicLong();

    private final String prefix;
    private long next;

    private IdempotencyKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The keys of one worker of one run (not thread-safe). */
    public static IdempotencyKeys forWorker(String runPrefix, int worker) {
        return new IdempotencyKeys(runPrefix + "-" + SEQUENCES.incrementAndGet() + "-" + worker + "-");
    }

    /** A random prefix for one run. */
    public static String newRunPrefix() {
        byte[] bytes = new byte[PREFIX_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String next() {
        return prefix + next++;
    }
}
