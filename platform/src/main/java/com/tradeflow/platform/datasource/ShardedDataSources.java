package com.tradeflow.platform.datasource;

import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.config.rule.RuleConfiguration;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A ShardingSphere-JDBC logical data source over physical ones that are each already a Seata AT proxy (see
 * {@link PhysicalDataSources#atProxy}). Wrapping the logical data source in Seata instead is a known cause of
 * "Failed to fetch schema": Seata must see physical tables.
 */
public final class ShardedDataSources {

    private ShardedDataSources() {
    }

    /**
     * @param shards logical shard name ({@code ds_0} ...) to its physical database
     */
    public static DataSource create(String name, Map<String, PhysicalDatabase> shards,
            Collection<RuleConfiguration> rules) {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        shards.forEach((shard, db) -> physical.put(shard,
                new ShardingVisibleDataSource(PhysicalDataSources.atProxy(db), db)));
        Properties props = new Properties();
        // SQL logging is the services' business, not the driver's
        props.setProperty("sql-show", "false");
        try {
            return ShardingSphereDataSourceFactory.createDataSource(name, null, physical, List.copyOf(rules), props);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the sharded data source " + name + ": " + e.getMessage(),
                    e);
        }
    }
}
