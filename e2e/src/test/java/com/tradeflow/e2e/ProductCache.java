package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import redis.clients.jedis.JedisPooled;

/**
 * What consumer-web's product cache holds in the stack's Redis (keys {@code tradeflow:cache:products:<skuId>}),
 * and its metrics as a web instance reports them under {@code /actuator/metrics} (on its management port).
 */
final class ProductCache implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JedisPooled redis;

    /** The shared test stack's Redis. */
    ProductCache() {
        this(TestStack.stack().options().effectiveRedisUrl());
    }

    ProductCache(String redisUrl) {
        this.redis = new JedisPooled(URI.create(redisUrl));
    }

    /** The cached entry of the sku as JSON ({@code {"value":{...},"loadedAt":...}}), or null when none. */
    JsonNode entry(long skuId) {
        String stored = redis.get(key(skuId));
        try {
            return stored == null ? null : JSON.readTree(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As if it had expired. */
    void drop(long skuId) {
        redis.del(key(skuId));
    }

    private static String key(long skuId) {
        return "tradeflow:cache:products:" + skuId;
    }

    /** A counter of the products cache on a web instance, summed over the given result tag (or all results). */
    static double count(String actuatorBase, String metric, String result) {
        String query = "?tag=cache:products" + (result == null ? "" : "&tag=result:" + result);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(actuatorBase + "/actuator/metrics/" + metric + query))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0;
            }
            JsonNode body = JSON.readTree(response.body());
            for (JsonNode m : body.path("measurements")) {
                if ("COUNT".equals(m.path("statistic").asText())) {
                    return m.path("value").asDouble();
                }
            }
            throw new AssertionError("no COUNT in " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
