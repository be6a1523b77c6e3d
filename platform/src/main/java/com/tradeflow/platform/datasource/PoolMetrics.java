package com.tradeflow.platform.datasource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Hikari's own metrics ({@code hikaricp_connections_active}, {@code _pending}, acquire and usage times, by
 * {@code pool}) for the pools this module opens. They are made by factories, not as beans, so Spring Boot's
 * data-source metrics do not see them: each pool is remembered when opened and bound to the registry once every
 * bean exists (Hikari accepts its metrics on a running pool, once). Costs two timer records per connection borrow.
 */
public final class PoolMetrics implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PoolMetrics.class);
    private static final List<HikariDataSource> OPENED = new CopyOnWriteArrayList<>();

    private final ObjectProvider<MeterRegistry> registry;

    PoolMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    static HikariDataSource watch(HikariDataSource pool) {
        OPENED.add(pool);
        return pool;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return;
        }
        MicrometerMetricsTrackerFactory metrics = new MicrometerMetricsTrackerFactory(meters);
        log.debug("binding the metrics of {} pool(s)", OPENED.size());
        for (HikariDataSource pool : OPENED) {
            OPENED.remove(pool);
            if (pool.isClosed() || pool.getMetricsTrackerFactory() != null) {
                continue;
            }
            try {
                pool.setMetricsTrackerFactory(metrics);
            } catch (IllegalStateException e) {
                log.warn("no metrics for pool {}: {}", pool.getPoolName(), e.getMessage());
            }
        }
    }
}
