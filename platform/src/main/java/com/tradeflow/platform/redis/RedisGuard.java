package com.tradeflow.platform.redis;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis calls of one use of Redis (a cache, the flash sales) go through here: as the Sentinel resource
 * {@code redis:<use>} (a degrade rule on it stops calling a Redis that keeps failing), with a failure reported as
 * {@link RedisUnavailable} so the caller can fall back. An outage is logged once when it starts and once when it
 * ends, not per call.
 */
public final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final String resource;
    private final String whileDown;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Runnable onRecovery;

    /**
     * @param use        what Redis is used for here: the Sentinel resource is {@code redis:<use>}
     * @param whileDown  what callers do while Redis is away, for the log ("reads go to the source of truth")
     * @param onRecovery runs once when Redis answers again after an outage (e.g. invalidations were missed)
     */
    public RedisGuard(String use, String whileDown, Runnable onRecovery) {
        this.resource = "redis:" + use;
        this.whileDown = whileDown;
        this.onRecovery = onRecovery;
    }

    /** A call that may be skipped while the resource's breaker is open (the caller falls back). */
    public <T> T call(Supplier<T> command) {
        Entry entry;
        try {
            entry = SphU.entry(resource, EntryType.OUT);
        } catch (BlockException e) {
            throw new RedisUnavailable(
                    resource + " refused by Sentinel (" + e.getClass().getSimpleName() + ")", e);
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
     * A call that must be tried, breaker or not (a cache fence, a correction of counters): skipping one because
     * this instance's breaker is open would leave what other instances, whose Redis answers, rely on wrong.
     */
    public <T> T callAlways(Supplier<T> command) {
        return attempt(command);
    }

    private <T> T attempt(Supplier<T> command) {
        try {
            T result = command.get();
            if (down.compareAndSet(true, false)) {
                log.info("{}: Redis answers again", resource);
                onRecovery.run();
            }
            return result;
        } catch (JedisException e) {
            if (down.compareAndSet(false, true)) {
                log.warn("{}: Redis is unavailable ({}); until it is back {}", resource, e.getMessage(), whileDown);
            }
            throw new RedisUnavailable(resource + ": " + e.getMessage(), e);
        }
    }

    boolean down() {
        return down.get();
    }

    /** Redis could not be used for this call; the caller goes on without the cache. */
    public static final class RedisUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RedisUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
