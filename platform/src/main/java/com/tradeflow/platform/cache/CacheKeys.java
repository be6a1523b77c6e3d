package com.tradeflow.platform.cache;

/**
 * Where one cache keeps an entry in Redis: {@code tradeflow:cache:<name>:<id>} for the value, with its generation
 * counter ({@code ...:gen}) and the set of transactions writing the underlying data ({@code ...:writers}). Every
 * service that changes the data builds the same keys from the cache name, so it can invalidate what another
 * service caches.
 */
public record CacheKeys(String name) {

    /** provider-inventory's products and their stock, cached by consumer-web, invalidated by both. */
    public static final CacheKeys PRODUCTS = new CacheKeys("products");

    private static final String PREFIX = "tradeflow:cache:";

    public CacheKeys {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("cache name must be lower-case letters, digits and dashes: " + name);
        }
    }

    String value(Object id) {
        return PREFIX + name + ":" + id;
    }

    String generation(Object id) {
        return value(id) + ":gen";
    }

    String writers(Object id) {
        return value(id) + ":writers";
    }

    /** Since when (epoch ms) Redis has known this cache's writers: set when found missing. */
    String epoch() {
        return PREFIX + name + ":epoch";
    }

    /** Every key of this cache, for SCAN. */
    String pattern() {
        return PREFIX + name + ":*";
    }
}
