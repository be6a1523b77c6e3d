package com.tradeflow.inventory.sales;

import com.tradeflow.platform.cache.CacheInvalidator;
import com.tradeflow.platform.cache.CacheKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** consumer-web caches products, with their sold counts, in Redis; the counts change here. */
@Configuration(proxyBeanMethods = false)
class ProductCacheInvalidation {

    @Bean
    CacheInvalidator productCacheInvalidator(JedisPooled jedis) {
        return new CacheInvalidator(CacheKeys.PRODUCTS, jedis);
    }
}
