package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.ChildPids;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** Redis 6.2 from a Maven artifact, loopback only, no persistence (a cache). */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** embedded-redis runs a binary named after its version and platform, e.g. redis-server-6.2.6-v5-linux-amd64. */
    private static final List<String> SERVER_EXECUTABLES = List.of("redis-server");

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            log.info("Redis listening on 127.0.0.1:{}", port);
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new IllegalStateException("Redis did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The server process (embedded-redis does not expose it), if it is running. */
    public OptionalLong pid() {
        return ChildPids.find(SERVER_EXECUTABLES, port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Redis did not stop cleanly: {}", e.getMessage());
        }
    }
}
