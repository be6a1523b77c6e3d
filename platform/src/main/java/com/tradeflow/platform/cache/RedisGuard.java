package com.tradeflow.platform.cache;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Every Redis call of a cache goes through here, reads and stores as the Sentinel resource {@code redis:<cache>} (a
 * degrade rule on it stops calling a Redis that keeps failing), with a failure reported as {@link RedisUnavailable}
 * so the caller falls back to the source of truth. An outage is logged once when it starts and once when it ends, not per call.
 */
final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final String resource;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Runnable onRecovery;

    /** @param onRecovery runs once when Redis answers again after an outage (invalidations were missed meanwhile) */
    RedisGuard(CacheKeys keys, Runnable onRecovery) {
        this.resource = "redis:" + keys.name();
        this.onRecovery = onRecovery;
    }

    /** A read or a store: skipped while the resource's breaker is open (the caller goes to the source). */
    <T> T call(Supplier<T> command) {
        Entry entry;
        try {
            entry = SphU.entry(resource, EntryType.OUT);
        } catch (BlockException e) {
            throw new RedisUnavailable(resource + " refused by Sentinel (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            return attempt(command);
        } catch (RedisUnavailable e) {
            Tracer.traceEntry(e.getCause(), entry);
            throw e;
        } finally {
            entry.exit();
        }
    }

    /**
     * A fence (a write announced or ended, an invalidation): always tried, breaker or not. Skipping one because
     * this instance's breaker is open would let other instances, whose Redis answers, store undecided data.
     */
    <T> T callAlways(Supplier<T> command) {
        return attempt(command);
    }

    private <T> T attempt(Supplier<T> command) {
        try {
            T result = command.get();
            if (down.compareAndSet(true, false)) {
                log.info("{}: Redis answers again; the cache is in use again", resource);
                onRecovery.run();
            }
            return result;
        } catch (JedisException e) {
            if (down.compareAndSet(false, true)) {
                log.warn("{}: Redis is unavailable ({}); reads go to the source of truth until it is back", resource,
                        e.getMessage());
            }
            throw new RedisUnavailable(resource + ": " + e.getMessage(), e);
        }
    }

    boolean down() {
        return down.get();
    }

    /** Redis could not be used for this call; the caller goes on without the cache. */
    static final class RedisUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedisUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
