package com.tradeflow.platform.cache;

import java.time.Duration;

/**
 * How long a cache keeps what it loaded.
 *
 * @param ttl          lifetime of a found value, before jitter
 * @param ttlJitter    each stored value lives {@code ttl} times a random factor in [1 - jitter, 1 + jitter], so
 *                     values loaded together do not expire together (no avalanche on the source)
 * @param notFoundTtl  lifetime of a "not found" answer: ids that do not exist are not asked again and again
 * @param writeLease   how long a write announced with {@link FencedCache#beginWrite} holds storing off when it is
 *                     never ended (its process died): above the longest global transaction
 * @param loadWait     how long a request waits for the load another request of this instance started for the same
 *                     id before loading it itself
 */
public record CacheSettings(
        Duration ttl, double ttlJitter, Duration notFoundTtl, Duration writeLease, Duration loadWait) {

    public CacheSettings {
        if (ttl.isNegative() || ttl.isZero() || notFoundTtl.isNegative() || notFoundTtl.isZero()) {
            throw new IllegalArgumentException("cache lifetimes must be positive");
        }
        if (ttlJitter < 0 || ttlJitter >= 1) {
            throw new IllegalArgumentException("ttl jitter must be in [0, 1): " + ttlJitter);
        }
        if (writeLease.isNegative() || writeLease.isZero() || loadWait.isNegative() || loadWait.isZero()) {
            throw new IllegalArgumentException("write lease and load wait must be positive");
        }
    }
}
