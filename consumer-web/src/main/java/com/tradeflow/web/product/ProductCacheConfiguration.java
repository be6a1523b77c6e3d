package com.tradeflow.web.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.platform.cache.CacheKeys;
import com.tradeflow.platform.cache.CacheSettings;
import com.tradeflow.platform.cache.FencedCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import redis.clients.jedis.JedisPooled;

/** Product reads through Redis ({@code tradeflow.cache.products.*}). */
@Configuration(proxyBeanMethods = false)
class ProductCacheConfiguration {

    private static final String SETTINGS = "tradeflow.cache.products";

    @Bean
    FencedCache<ProductView> productCache(
            Environment environment, JedisPooled jedis, ObjectMapper json, MeterRegistry meters) {
        CacheSettings settings = Binder.get(environment)
                .bind(SETTINGS, CacheSettings.class)
                .orElseThrow(() -> new IllegalStateException(SETTINGS + ".* is not configured"));
        return new FencedCache<>(CacheKeys.PRODUCTS, ProductView.class, settings, jedis, json, meters);
    }
}
