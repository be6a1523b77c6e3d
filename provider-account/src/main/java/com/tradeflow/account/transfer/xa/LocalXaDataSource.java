package com.tradeflow.account.transfer.xa;

import com.atomikos.jdbc.AtomikosDataSourceBean;
import com.tradeflow.platform.datasource.PhysicalDataSources;
import com.tradeflow.platform.datasource.PhysicalDatabase;
import com.tradeflow.platform.datasource.ShardedDataSources;
import com.tradeflow.platform.datasource.ShardingVisibleDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.shardingsphere.infra.config.rule.RuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.transaction.config.TransactionRuleConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A ShardingSphere data source of XA transaction type with the Atomikos pools under it, which it closes with
 * itself, before {@link LocalXa} stops.
 */
public final class LocalXaDataSource extends DelegatingDataSource implements AutoCloseable {

    private final List<AtomikosDataSourceBean> pools;

    private LocalXaDataSource(DataSource shardingSphere, List<AtomikosDataSourceBean> pools) {
        super(shardingSphere);
        this.pools = List.copyOf(pools);
    }

    /**
     * A second data source over the service's databases for local XA: ShardingSphere's XA transaction type over one
     * Atomikos XA pool per database, driven by the running {@link LocalXa} manager. A Spring transaction on it that
     * writes to two shards commits with two-phase commit, with the decision in the manager's log; it takes no part
     * in Seata's global transactions, so it serves writes outside them only (as a plain local transaction would).
     * Open it after the service's data source, which migrates the schemas.
     *
     * @param sharding     the table rules of the tables it writes (no TCC fence)
     * @param beforeCommit runs before each branch's phase-two commit (fault tests); a no-op otherwise
     */
    public static LocalXaDataSource open(
            String name,
            Map<String, PhysicalDatabase> shards,
            ShardingRuleConfiguration sharding,
            LocalXa xa,
            Runnable beforeCommit) {
        Map<String, DataSource> faces = new LinkedHashMap<>();
        List<AtomikosDataSourceBean> pools = new ArrayList<>();
        try {
            for (Map.Entry<String, PhysicalDatabase> shard : shards.entrySet()) {
                AtomikosDataSourceBean pool = xaPool(name, shard.getValue(), xa.settings(), beforeCommit);
                pools.add(pool);
                init(pool, shard.getValue());
                faces.put(shard.getKey(), new ShardingVisibleDataSource(pool, shard.getValue()));
            }
            List<RuleConfiguration> rules = List.of(
                    sharding,
                    new TransactionRuleConfiguration("XA", LocalXaTransactionManager.PROVIDER, new Properties()));
            return new LocalXaDataSource(ShardedDataSources.shardingSphere(name, faces, rules), pools);
        } catch (RuntimeException e) {
            // the pools already open would keep their connections, and their resource names registered, for nothing
            pools.forEach(AtomikosDataSourceBean::close);
            throw e;
        }
    }

    private static AtomikosDataSourceBean xaPool(
            String name, PhysicalDatabase db, LocalXaSettings settings, Runnable beforeCommit) {
        AtomikosDataSourceBean pool = new AtomikosDataSourceBean();
        // Atomikos finds a resource's in-doubt branches after a restart by this name: stable, one per database
        pool.setUniqueResourceName(name + "-" + db.name());
        pool.setXaDataSource(new XaCommitHook(PhysicalDataSources.xaDataSource(db), beforeCommit));
        pool.setMaxPoolSize(settings.poolSize());
        pool.setMinPoolSize(1);
        pool.setBorrowConnectionTimeout(
                (int) Math.max(1, settings.borrowTimeout().toSeconds()));
        // ShardingSphere reads table metadata outside any transaction at start-up
        pool.setLocalTransactionMode(true);
        return pool;
    }

    private static void init(AtomikosDataSourceBean pool, PhysicalDatabase db) {
        try {
            pool.init();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the XA pool of " + db.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } finally {
            pools.forEach(AtomikosDataSourceBean::close);
        }
    }
}
