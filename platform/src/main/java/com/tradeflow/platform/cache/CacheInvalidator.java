package com.tradeflow.platform.cache;

import com.tradeflow.platform.redis.RedisGuard;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import redis.clients.jedis.JedisPooled;

/**
 * Drops a cached entry after the data under it changed, for services that change the data without reading it
 * through the cache (provider-inventory's sold counters). The entry's generation moves on too, so a load that read
 * the data before the change cannot store it afterwards.
 */
public final class CacheInvalidator {

    private static final Logger log = LoggerFactory.getLogger(CacheInvalidator.class);
    /** Generation counters outlive any load by far; they go away with the entries they guard. */
    static final Duration GENERATION_TTL = Duration.ofDays(1);

    /** INCR the generation (kept for a day), DEL the value. */
    private static final String INVALIDATE = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            return 1""";

    private final CacheKeys keys;
    private final JedisPooled jedis;
    private final RedisGuard redis;

    public CacheInvalidator(CacheKeys keys, JedisPooled jedis) {
        this(keys, jedis, new RedisGuard(keys.name(), "the cache's entries stay until they expire", () -> {}));
    }

    CacheInvalidator(CacheKeys keys, JedisPooled jedis, RedisGuard redis) {
        this.keys = keys;
        this.jedis = jedis;
        this.redis = redis;
    }

    /** Now. With Redis unavailable the entry stays until it expires (logged by the guard). */
    public void invalidate(Object id) {
        try {
            redis.callAlways(() -> jedis.eval(
                    INVALIDATE,
                    List.of(keys.value(id), keys.generation(id)),
                    List.of(String.valueOf(GENERATION_TTL.toMillis()))));
        } catch (RedisGuard.RedisUnavailable e) {
            log.debug("{} {}: not invalidated: {}", keys.name(), id, e.getMessage());
        }
    }

    /**
     * After the caller's local transaction commits (at once when there is none): the change must be visible in the
     * database before a load may see the entry gone, or it would store the old data again.
     */
    public void invalidateAfterCommit(Object id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidate(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                invalidate(id);
            }
        });
    }
}
