package com.tradeflow.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/** {@link FencedCache} against a real Redis (6.2, from a Maven artifact). */
class FencedCacheIT {

    /** A value to cache. */
    record Thing(long id, String name) {}

    private static final CacheKeys KEYS = new CacheKeys("things");
    private static final CacheSettings SETTINGS = new CacheSettings(
            Duration.ofSeconds(60), 0.2, Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(5));

    private static RedisServer server;
    private static int port;
    private JedisPooled jedis;
    private FencedCache<Thing> cache;
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        server.stop();
    }

    /** A client per test: one test restarts Redis, which breaks pooled connections. */
    @BeforeEach
    void emptyCache() {
        jedis = new JedisPooled("127.0.0.1", port);
        jedis.flushAll();
        // as if Redis had known this cache's writers for long (see shouldStoreNothingForALeaseAfterRedisLostItsKeys)
        jedis.set(KEYS.epoch(), "0");
        cache = new FencedCache<>(
                KEYS,
                Thing.class,
                SETTINGS,
                jedis,
                new ObjectMapper().registerModule(new JavaTimeModule()),
                new SimpleMeterRegistry());
    }

    @AfterEach
    void disconnect() {
        jedis.close();
    }

    private Optional<Thing> source(long id) {
        loads.incrementAndGet();
        return Optional.of(new Thing(id, "thing " + id));
    }

    @Test
    void shouldStoreWhatItLoadedAndAnswerItFromRedisNext() {
        assertThat(cache.get(1, () -> source(1)).value()).isEqualTo(new Thing(1, "thing 1"));
        assertThat(cache.get(1, () -> source(1)).value()).isEqualTo(new Thing(1, "thing 1"));
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldGiveEveryValueALifetimeWithinTheJitter() {
        for (long id = 1; id <= 30; id++) {
            long thing = id;
            cache.get(thing, () -> source(thing));
            assertThat(jedis.pttl(KEYS.value(thing))).isBetween(48_000L - 100, 72_000L);
        }
    }

    @Test
    void shouldNotStoreWhileAWriteIsOpenAndStoreAgainOnceItEnded() {
        cache.get(2, () -> source(2));
        FencedCache<Thing>.Write write = cache.beginWrite(2);
        assertThat(jedis.exists(KEYS.value(2)))
                .as("dropped when the write began")
                .isFalse();

        cache.get(2, () -> source(2));
        assertThat(jedis.exists(KEYS.value(2)))
                .as("not stored while the write is open")
                .isFalse();

        write.end(true);
        cache.get(2, () -> source(2));
        assertThat(jedis.exists(KEYS.value(2))).as("stored once it ended").isTrue();
        assertThat(loads).hasValue(3);
    }

    @Test
    void shouldKeepStoringOffUntilTheLeaseEndsWhenTheWriteIsUndecided() {
        FencedCache<Thing>.Write write = cache.beginWrite(3);
        write.end(false);
        cache.get(3, () -> source(3));
        assertThat(jedis.exists(KEYS.value(3))).isFalse();
        assertThat(jedis.zcard(KEYS.writers(3))).isEqualTo(1);
    }

    /** The data changes (and is invalidated) while a load runs: what the load read is never stored. */
    @Test
    void shouldNotStoreALoadThatReadTheDataBeforeItChanged() {
        Thing old = cache.get(4, () -> {
                    Optional<Thing> read = source(4);
                    new CacheInvalidator(KEYS, jedis).invalidate(4);
                    return read;
                })
                .value();
        assertThat(old).isNotNull();
        assertThat(jedis.exists(KEYS.value(4))).isFalse();
        cache.get(4, () -> source(4));
        assertThat(jedis.exists(KEYS.value(4)))
                .as("a load after the change is stored")
                .isTrue();
    }

    /**
     * Redis restarted empty, or lost keys: the writers open then are forgotten, so nothing is stored until a write
     * lease has passed since the loss was found.
     */
    @Test
    void shouldStoreNothingForALeaseAfterRedisLostItsKeys() {
        jedis.flushAll();
        cache.get(8, () -> source(8));
        assertThat(jedis.exists(KEYS.value(8))).isFalse();
        assertThat(Long.parseLong(jedis.get(KEYS.epoch())))
                .as("the loss was found now")
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        cache.get(8, () -> source(8));
        assertThat(jedis.exists(KEYS.value(8))).as("still within the lease").isFalse();

        jedis.set(
                KEYS.epoch(),
                String.valueOf(
                        System.currentTimeMillis() - SETTINGS.writeLease().toMillis() - 1));
        cache.get(8, () -> source(8));
        assertThat(jedis.exists(KEYS.value(8))).as("a lease later").isTrue();
    }

    @Test
    void shouldShareOneLoadAmongConcurrentMisses() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Thing>> reads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reads.add(readers.submit(() -> cache.get(5, () -> {
                            await(release);
                            return source(5);
                        })
                        .value()));
            }
            Thread.sleep(300);
            release.countDown();
            for (Future<Thing> read : reads) {
                assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(new Thing(5, "thing 5"));
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldCacheNotFoundForItsShortLifetime() throws Exception {
        assertThat(cache.get(6, () -> {
                            loads.incrementAndGet();
                            return Optional.empty();
                        })
                        .found())
                .isFalse();
        assertThat(cache.get(6, () -> source(6)).found())
                .as("answered 'not found' from the cache")
                .isFalse();
        Thread.sleep(400);
        assertThat(cache.get(6, () -> source(6)).found())
                .as("expired: loaded again")
                .isTrue();
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldAnswerFromTheSourceWhileRedisIsDown() throws IOException {
        server.stop();
        try {
            assertThat(cache.get(7, () -> source(7)).value()).isEqualTo(new Thing(7, "thing 7"));
            assertThat(cache.get(7, () -> source(7)).value()).isEqualTo(new Thing(7, "thing 7"));
            cache.beginWrite(7).end(true);
            cache.invalidate(7);
            assertThat(loads).hasValue(2);
        } finally {
            server.start();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
