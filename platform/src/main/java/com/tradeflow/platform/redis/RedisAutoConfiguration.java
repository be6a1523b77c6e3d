package com.tradeflow.platform.redis;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A pooled Jedis client for {@code tradeflow.redis.url} ({@code redis://[:password@]host:port}), checked with a
 * PING at start and reported under {@code /actuator/health} as {@code redis}. An unreachable Redis is logged,
 * not fatal: caching degrades to the database.
 */
@AutoConfiguration
@ConditionalOnClass(name = "redis.clients.jedis.JedisPooled")
@ConditionalOnProperty("tradeflow.redis.url")
public class RedisAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    JedisPooled jedis(@Value("${tradeflow.redis.url}") String url) {
        return new JedisPooled(URI.create(url));
    }

    @Bean
    HealthIndicator redisHealthIndicator(JedisPooled jedis) {
        return () -> {
            try {
                return Health.up().withDetail("ping", jedis.ping()).build();
            } catch (JedisException e) {
                return Health.down().withDetail("error", e.getMessage()).build();
            }
        };
    }

    @Bean
    ApplicationRunner redisStartupCheck(JedisPooled jedis, @Value("${tradeflow.redis.url}") String url) {
        // host and port only: the URL may carry a password
        URI uri = URI.create(url);
        String where = uri.getHost() + ":" + uri.getPort();
        return args -> {
            try {
                jedis.ping();
                log.info("Redis at {} is reachable", where);
            } catch (JedisException e) {
                log.warn(
                        "Redis at {} is not reachable ({}); caching will fall back to the database",
                        where,
                        e.getMessage());
            }
        };
    }
}
