package com.tradeflow.platform.cache;

import java.time.Instant;

/**
 * A value as a cache answers it, found in Redis or loaded from the source.
 *
 * @param value    null: the source has no such thing (answered "not found")
 * @param loadedAt when it was read from the source
 */
public record Cached<V>(V value, Instant loadedAt) {

    public boolean found() {
        return value != null;
    }
}
