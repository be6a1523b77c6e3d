package com.tradeflow.platform.datasource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.apache.seata.rm.datasource.xa.DataSourceProxyXANative;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one physical database the way every service needs it: its pools ({@link CommitModePools}), the schema
 * migrated by Flyway, and the three ways a connection can take part in a transaction: Seata's AT proxy over the
 * pools, Seata's XA proxy over the driver's own XA data source, and the plain pools. Sharding (ShardingSphere) goes
 * on top of these, never under them: Seata must see the physical connections, or it fails to fetch table metadata.
 */
public final class PhysicalDataSources {

    private static final Logger log = LoggerFactory.getLogger(PhysicalDataSources.class);
    /** Fail fast when the database is down instead of queueing requests for 30 s. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 3000;
    /** Statements outside transactions are few and short (reads, probes of idle jobs); more open on demand. */
    private static final int AUTO_COMMIT_MIN_IDLE = 2;

    private PhysicalDataSources() {}

    /** The three faces of one physical database. */
    public record Targets(DataSourceProxy at, DataSource xa, DataSource local) {}

    /** Pools, schema, AT proxy and XA proxy of the database. */
    public static Targets open(PhysicalDatabase db) {
        CommitModePools pools = pools(db);
        migrate(db, pools);
        // XA before AT. Both proxies register the same resource id (the JDBC URL) with the coordinator, which
        // starts sending phase two for it as soon as the first one registers. A restarted participant whose AT
        // proxy came first got the commit of its prepared XA branch before the XA proxy existed; Seata answers
        // that with "Unknown Resource" -> CommitFailed_Unretryable, and the branch stayed prepared for good (seen
        // in XaRecoveryIT). An AT phase two that comes too early is only retried.
        DataSourceProxyXANative xa = xaProxy(db);
        DataSourceProxy at = new DataSourceProxy(pools);
        return new Targets(at, new XaFace(xa, pools), pools);
    }

    /**
     * The database's connections for transactions (auto-commit off, {@code pool-size} of them, all kept open) and
     * for statements outside transactions (auto-commit on, as many at most, a few kept open: most statements run
     * in transactions).
     */
    static CommitModePools pools(PhysicalDatabase db) {
        HikariDataSource forTransactions = pool(db, db.name() + "-tx", false, db.poolSize());
        HikariDataSource forStatements = pool(db, db.name(), true, Math.min(AUTO_COMMIT_MIN_IDLE, db.poolSize()));
        return new CommitModePools(forTransactions, forStatements);
    }

    private static HikariDataSource pool(PhysicalDatabase db, String name, boolean autoCommit, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(db.url());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(db.poolSize());
        config.setMinimumIdle(minimumIdle);
        config.setAutoCommit(autoCommit);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + db.lockWaitTimeoutSeconds());
        // the pool may come up before the database (local stack, restarts): connect lazily
        config.setInitializationFailTimeout(-1);
        return PoolMetrics.watch(new HikariDataSource(config));
    }

    /**
     * Applies the database's Flyway migrations (idempotent: applied versions are skipped). Out of order: a
     * database that already has demo data (V1000) still gets a later schema change numbered below it.
     */
    static void migrate(PhysicalDatabase db, DataSource dataSource) {
        if (db.migrations() == null || db.migrations().isBlank()) {
            return;
        }
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations(db.migrations().split(","))
                .outOfOrder(true)
                .load()
                .migrate();
        log.info(
                "database {}: {} migrations applied, now at version {}",
                db.name(),
                result.migrationsExecuted,
                result.targetSchemaVersion);
    }

    /**
     * Seata's XA proxy over the driver's XA data source. Not over the pool: Seata's own wrapping of pooled
     * connections knows MariaDB Connector/J 2 only. A session per branch, held by Seata from phase one to phase two
     * (MariaDB, and MySQL before 8.0.29, let only the session that prepared an XA transaction finish it while that
     * session lives), then reused by a later branch ({@link ReusedXaSessions}; at most pool-size idle). The session lock wait is bounded because XA holds row locks
     * until phase two.
     */
    static DataSourceProxyXANative xaProxy(PhysicalDatabase db) {
        DataSourceProxyXANative proxy =
                new DataSourceProxyXANative(new ReusedXaSessions(xaDataSource(db), db.poolSize()));
        proxy.setShouldBeHeld(true);
        return proxy;
    }

    /** The driver's own XA data source for the database, with the session's lock wait bounded. */
    public static XADataSource xaDataSource(PhysicalDatabase db) {
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "sessionVariables=innodb_lock_wait_timeout="
                + db.lockWaitTimeoutSeconds();
        try {
            if (url.startsWith("jdbc:mariadb:")) {
                org.mariadb.jdbc.MariaDbDataSource xa = new org.mariadb.jdbc.MariaDbDataSource(url);
                xa.setUser(db.username());
                xa.setPassword(db.password() == null ? "" : db.password());
                return xa;
            }
            if (url.startsWith("jdbc:mysql:")) {
                com.mysql.cj.jdbc.MysqlXADataSource xa = new com.mysql.cj.jdbc.MysqlXADataSource();
                xa.setUrl(url);
                xa.setUser(db.username());
                xa.setPassword(db.password() == null ? "" : db.password());
                return xa;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database " + db.name() + ": cannot set up XA: " + e.getMessage(), e);
        }
        throw new IllegalStateException("database " + db.name() + ": XA needs a jdbc:mariadb: or jdbc:mysql: url");
    }
}
