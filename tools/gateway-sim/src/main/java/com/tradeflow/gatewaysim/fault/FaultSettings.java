package com.tradeflow.gatewaysim.fault;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults in force, changeable at runtime, and the one source of randomness behind every fault decision.
 * Readers take a consistent snapshot with {@link #current()}; a change replaces the whole snapshot at once.
 * With a seed, the same sequence of decisions is drawn again (for the same order of requests: concurrent
 * requests draw in whatever order they arrive).
 */
public final class FaultSettings {

    private final AtomicReference<Faults> current;
    private final Object randomLock = new Object();
    private Random random;

    public FaultSettings(Faults initial) {
        this.current = new AtomicReference<>(initial);
        this.random = randomFor(initial.seed());
    }

    public Faults current() {
        return current.get();
    }

    /**
     * Applies named changes (see {@link FaultChanges}); naming {@code seed} restarts the random sequence, even
     * with the same seed, so a test can replay it.
     *
     * @throws IllegalArgumentException for an unknown setting or a value out of range; nothing changes then
     */
    public synchronized Faults change(Map<String, ?> changes) {
        Faults next = FaultChanges.apply(current.get(), changes);
        if (changes.containsKey("seed")) {
            synchronized (randomLock) {
                random = randomFor(next.seed());
            }
        }
        current.set(next);
        return next;
    }

    /** True with the given probability; rates 0 and 1 draw nothing, so they never shift a seeded sequence. */
    public boolean roll(double rate) {
        if (rate <= 0) {
            return false;
        }
        if (rate >= 1) {
            return true;
        }
        synchronized (randomLock) {
            return random.nextDouble() < rate;
        }
    }

    private static Random randomFor(Long seed) {
        return seed == null ? new Random() : new Random(seed);
    }
}
