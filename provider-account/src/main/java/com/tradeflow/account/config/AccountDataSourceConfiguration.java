package com.tradeflow.account.config;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.DatabaseProperties;
import com.tradeflow.platform.datasource.ModuloShardingAlgorithm;
import com.tradeflow.platform.datasource.PhysicalDatabase;
import com.tradeflow.platform.datasource.ShardedDataSources;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wallets and their ledger sharded by user id over two databases: shard {@code user_id % 2}. ShardingSphere routes
 * above the physical databases, reached through Seata's AT or XA proxy or directly (TCC), per global transaction.
 */
@Configuration(proxyBeanMethods = false)
class AccountDataSourceConfiguration {

    static final int SHARDS = 2;
    private static final String BY_USER = "account_by_user";

    @Bean
    BranchTypeRoutingDataSource dataSource(DatabaseProperties databases) {
        Map<String, PhysicalDatabase> shards = new LinkedHashMap<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.put("ds_" + i, databases.get("account-" + i));
        }
        ShardingRuleConfiguration rules = new ShardingRuleConfiguration();
        for (String table : List.of("wallets", "wallet_ledger", "wallet_points", "processed_events",
                "wallet_top_ups")) {
            ShardingTableRuleConfiguration rule = new ShardingTableRuleConfiguration(table,
                    "ds_0." + table + ",ds_1." + table);
            rule.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("user_id", BY_USER));
            rules.getTables().add(rule);
        }
        rules.getShardingAlgorithms().put(BY_USER, ModuloShardingAlgorithm.config(false));
        return ShardedDataSources.create("account", shards, rules, List.of());
    }
}
