package com.tradeflow.platform.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.platform.redis.RedisGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Cache-aside over Redis that never stores data a transaction may still undo.
 *
 * <p>Seata AT commits each participant locally in phase one, so the database shows a purchase's stock change
 * before the global transaction is decided; a rollback puts the old values back later. A plain cache-aside read in
 * that window would cache data that never happened. Here a writer announces itself before its global transaction
 * begins ({@link #beginWrite}), which drops the cached value, and ends after it is decided; a load stores its result only when, at that moment (one
 * Lua script), no writer of the id is open and the id's generation is still the one seen before the load. Every end
 * and every invalidation moves the generation on and deletes the value, so a load that read the data before a
 * change can never store it after the change. Reads in the window are answered from the source, uncached: what
 * they show then is what they would show without a cache (a TCC reservation in progress, say).
 *
 * <p>Also: found values live {@code ttl} +- jitter (no avalanche), "not found" is cached briefly (penetration),
 * concurrent misses of one id in this instance share one load (breakdown), and with Redis unavailable every read
 * goes to the source (no error to the caller; the outage is logged once). When Redis answers again the cache's
 * values are dropped: invalidations may have been lost meanwhile. A Redis that lost its keys (restarted empty)
 * forgot the writers open then: nothing is stored until a write lease has passed since it was found empty.
 *
 * <p>Metrics (Micrometer): {@code tradeflow.cache.gets} tagged {@code result} = hit | miss | bypass (Redis
 * unavailable), {@code tradeflow.cache.loads} tagged {@code result} = stored | skipped (a write was open or the
 * generation moved) | unstored (Redis unavailable) | failed, and the timer {@code tradeflow.cache.load.time}; all
 * tagged {@code cache} = the cache's name.
 */
public final class FencedCache<V> {

    private static final Logger log = LoggerFactory.getLogger(FencedCache.class);

    /**
     * Stores ARGV[3] for ARGV[4] ms if the generation is still ARGV[1] and no writer is open at ARGV[2] (now, epoch
     * ms), and Redis has known the cache's writers for at least ARGV[5] ms (the epoch key, KEYS[4]: a Redis that
     * restarted empty, or lost keys, forgot the writers open then; none of them outlives its lease).
     */
    private static final String STORE_IF_UNCHANGED = """
            local since = redis.call('GET', KEYS[4])
            if not since then
                redis.call('SET', KEYS[4], ARGV[2])
                return 0
            end
            if tonumber(ARGV[2]) - tonumber(since) < tonumber(ARGV[5]) then return 0 end
            local generation = redis.call('GET', KEYS[2]) or ''
            if generation ~= ARGV[1] then return 0 end
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[2])
            if redis.call('ZCARD', KEYS[3]) > 0 then return 0 end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
            return 1""";
    /**
     * Writer ARGV[1] is open until ARGV[2] (epoch ms) at the latest; the set lives ARGV[3] ms after the last. The
     * value goes: while the write is open, reads see what the source shows (as they would without a cache).
     */
    private static final String BEGIN_WRITE = """
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('DEL', KEYS[2])
            return 1""";
    /** Writer ARGV[1] is over (ARGV[2] = '1': decided; otherwise it stays until its lease ends). */
    private static final String END_WRITE = """
            if ARGV[2] == '1' then redis.call('ZREM', KEYS[1], ARGV[1]) end
            redis.call('INCR', KEYS[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[3])
            redis.call('DEL', KEYS[2])
            return 1""";

    private static final int SCAN_BATCH = 500;

    private final CacheKeys keys;
    private final CacheSettings settings;
    private final JedisPooled jedis;
    private final ObjectMapper json;
    private final JavaType entryType;
    private final RedisGuard redis;
    private final CacheInvalidator invalidator;
    private final ConcurrentHashMap<Object, CompletableFuture<Cached<V>>> loading = new ConcurrentHashMap<>();

    private final Counter hits;
    private final Counter misses;
    private final Counter bypassed;
    private final Counter stored;
    private final Counter skipped;
    private final Counter unstored;
    private final Counter failed;
    private final Timer loadTime;

    public FencedCache(
            CacheKeys keys,
            Class<V> type,
            CacheSettings settings,
            JedisPooled jedis,
            ObjectMapper json,
            MeterRegistry meters) {
        this.keys = keys;
        this.settings = settings;
        this.jedis = jedis;
        this.json = json;
        this.entryType = json.getTypeFactory().constructParametricType(Cached.class, type);
        this.redis = new RedisGuard(keys.name(), "reads go to the source of truth", this::dropValues);
        this.invalidator = new CacheInvalidator(keys, jedis, redis);
        String name = keys.name();
        this.hits = counter(meters, "tradeflow.cache.gets", name, "hit");
        this.misses = counter(meters, "tradeflow.cache.gets", name, "miss");
        this.bypassed = counter(meters, "tradeflow.cache.gets", name, "bypass");
        this.stored = counter(meters, "tradeflow.cache.loads", name, "stored");
        this.skipped = counter(meters, "tradeflow.cache.loads", name, "skipped");
        this.unstored = counter(meters, "tradeflow.cache.loads", name, "unstored");
        this.failed = counter(meters, "tradeflow.cache.loads", name, "failed");
        this.loadTime = Timer.builder("tradeflow.cache.load.time")
                .tag("cache", name)
                .description("time to load a missing entry from the source")
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String metric, String cache, String result) {
        return Counter.builder(metric).tag("cache", cache).tag("result", result).register(meters);
    }

    /**
     * The entry for {@code id}: from Redis, or loaded from the source (and stored when nothing may undo it).
     *
     * @param source reads the source of truth; empty when it has no such id
     * @throws RuntimeException what the source threw (nothing is cached then)
     */
    public Cached<V> get(Object id, Supplier<Optional<V>> source) {
        String generation;
        try {
            List<String> found = redis.call(() -> jedis.mget(keys.value(id), keys.generation(id)));
            Cached<V> hit = found.get(0) == null ? null : decode(id, found.get(0));
            if (hit != null) {
                hits.increment();
                return hit;
            }
            misses.increment();
            generation = found.get(1) == null ? "" : found.get(1);
        } catch (RedisGuard.RedisUnavailable e) {
            bypassed.increment();
            generation = null;
        }
        return loadOnce(id, source, generation);
    }

    /** One load per id at a time in this instance; the others wait for its result (at most {@code loadWait}). */
    private Cached<V> loadOnce(Object id, Supplier<Optional<V>> source, String generation) {
        CompletableFuture<Cached<V>> mine = new CompletableFuture<>();
        CompletableFuture<Cached<V>> running = loading.putIfAbsent(id, mine);
        if (running != null) {
            try {
                return running.get(settings.loadWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                log.debug(
                        "{} {}: the running load takes over {}; loading it here too",
                        keys.name(),
                        id,
                        settings.loadWait());
                return load(id, source, generation);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + keys.value(id), e);
            }
        }
        try {
            Cached<V> loaded = load(id, source, generation);
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(id, mine);
        }
    }

    private Cached<V> load(Object id, Supplier<Optional<V>> source, String generation) {
        Cached<V> loaded;
        Timer.Sample sample = Timer.start();
        try {
            loaded = new Cached<>(source.get().orElse(null), Instant.now());
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        } finally {
            sample.stop(loadTime);
        }
        if (generation == null) {
            unstored.increment();
            return loaded;
        }
        long ttl = loaded.found()
                ? jittered(settings.ttl().toMillis())
                : settings.notFoundTtl().toMillis();
        try {
            Object done = redis.call(() -> jedis.eval(
                    STORE_IF_UNCHANGED,
                    List.of(keys.value(id), keys.generation(id), keys.writers(id), keys.epoch()),
                    List.of(
                            generation,
                            String.valueOf(System.currentTimeMillis()),
                            encode(loaded),
                            String.valueOf(ttl),
                            String.valueOf(settings.writeLease().toMillis()))));
            if (Long.valueOf(1).equals(done)) {
                stored.increment();
            } else {
                skipped.increment();
                log.debug(
                        "{} {}: loaded but not stored (a write is open, or the data changed during the load)",
                        keys.name(),
                        id);
            }
        } catch (RedisGuard.RedisUnavailable e) {
            unstored.increment();
        }
        return loaded;
    }

    private long jittered(long ttlMillis) {
        double factor =
                1 + settings.ttlJitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(1, Math.round(ttlMillis * factor));
    }

    /**
     * Announces a change of the data under {@code id} that a (global) transaction will decide later: until it is
     * {@linkplain Write#end ended}, or its lease ran out, no load stores the id. Call it before the transaction
     * starts changing anything.
     */
    public Write beginWrite(Object id) {
        Write write = new Write(id, UUID.randomUUID().toString());
        write.announce();
        return write;
    }

    /** Drops the entry now; a load that started before cannot store it any more. */
    public void invalidate(Object id) {
        invalidator.invalidate(id);
    }

    /** A change announced by {@link #beginWrite}. */
    public final class Write {
        private final Object id;
        private final String writer;

        private Write(Object id, String writer) {
            this.id = id;
            this.writer = writer;
        }

        /** Open (again) until a lease from now. */
        private void announce() {
            long lease = settings.writeLease().toMillis();
            try {
                redis.callAlways(() -> jedis.eval(
                        BEGIN_WRITE,
                        List.of(keys.writers(id), keys.value(id)),
                        List.of(writer, String.valueOf(System.currentTimeMillis() + lease), String.valueOf(lease))));
            } catch (RedisGuard.RedisUnavailable e) {
                log.debug("{} {}: write {} not announced: {}", keys.name(), id, writer, e.getMessage());
            }
        }

        /**
         * Still undecided: the write keeps storing off for another lease from now (the caller follows its outcome).
         */
        public void renew() {
            announce();
        }

        /**
         * The transaction is over: the entry is dropped and loads may store again. {@code decided} false (its
         * outcome is not final yet, e.g. a rollback the coordinator still retries): the entry is dropped, but loads
         * stay fenced off until the lease ends.
         */
        public void end(boolean decided) {
            try {
                redis.callAlways(() -> jedis.eval(
                        END_WRITE,
                        List.of(keys.writers(id), keys.value(id), keys.generation(id)),
                        List.of(
                                writer,
                                decided ? "1" : "0",
                                String.valueOf(CacheInvalidator.GENERATION_TTL.toMillis()))));
            } catch (RedisGuard.RedisUnavailable e) {
                log.debug("{} {}: write {} not ended in Redis: {}", keys.name(), id, writer, e.getMessage());
            }
        }
    }

    /** After an outage: every value of this cache goes (generations and open writers stay). */
    private void dropValues() {
        try {
            int dropped = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(keys.pattern()).count(SCAN_BATCH);
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                List<String> values = new ArrayList<>();
                for (String key : page.getResult()) {
                    if (!key.endsWith(":gen") && !key.endsWith(":writers") && !key.equals(keys.epoch())) {
                        values.add(key);
                    }
                }
                if (!values.isEmpty()) {
                    dropped += (int) jedis.del(values.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            log.info("{}: dropped {} cached values after the Redis outage", keys.name(), dropped);
        } catch (RuntimeException e) {
            log.warn("{}: could not drop the cached values after the Redis outage: {}", keys.name(), e.getMessage());
        }
    }

    private String encode(Cached<V> entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + keys.name() + " cache entry as JSON", e);
        }
    }

    /** @return null for an entry this version cannot read (written by another version): loaded again */
    private Cached<V> decode(Object id, String stored) {
        try {
            return json.readValue(stored, entryType);
        } catch (JsonProcessingException e) {
            log.warn("{} {}: unreadable cache entry, loading it again: {}", keys.name(), id, e.getOriginalMessage());
            return null;
        }
    }
}
