package com.tradeflow.platform.datasource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Builds the data source of one physical database the way every service needs it: a pool, the schema migrated
 * by Flyway, and Seata's AT proxy around it. Sharding (ShardingSphere) goes on top of these proxies, never
 * under them: Seata must see the physical connections, or it fails to fetch table metadata.
 */
public final class PhysicalDataSources {

    private static final Logger log = LoggerFactory.getLogger(PhysicalDataSources.class);
    /** Fail fast when the database is down instead of queueing requests for 30 s. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 3000;

    private PhysicalDataSources() {
    }

    public static HikariDataSource pool(PhysicalDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(db.name());
        config.setJdbcUrl(db.url());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // the pool may come up before the database (local stack, restarts): connect lazily
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Applies the database's Flyway migrations (idempotent: applied versions are skipped). */
    public static void migrate(PhysicalDatabase db, DataSource dataSource) {
        if (db.migrations() == null || db.migrations().isBlank()) {
            return;
        }
        var result = Flyway.configure().dataSource(dataSource).locations(db.migrations().split(","))
                .load().migrate();
        log.info("database {}: {} migrations applied, now at version {}", db.name(), result.migrationsExecuted,
                result.targetSchemaVersion);
    }

    /** Pool, schema and Seata AT proxy: the data source a service hands to its repositories or to sharding. */
    public static DataSourceProxy atProxy(PhysicalDatabase db) {
        HikariDataSource pool = pool(db);
        migrate(db, pool);
        return new DataSourceProxy(pool);
    }
}
