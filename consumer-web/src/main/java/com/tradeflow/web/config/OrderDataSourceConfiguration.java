package com.tradeflow.web.config;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.DatabaseProperties;
import com.tradeflow.platform.datasource.ModuloShardingAlgorithm;
import com.tradeflow.platform.datasource.PhysicalDatabase;
import com.tradeflow.platform.datasource.ShardedDataSources;
import com.tradeflow.web.order.OrderTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Orders over 2 databases x 2 tables: database {@code user_id % 2}, table {@code user_id / 2 % 2} (a user's orders
 * live together, in one table: their Idempotency-Keys are unique there, {@link OrderTable}). The orders' global
 * transactions and events live in the user's database too, so everything a purchase writes here is one local
 * transaction. ShardingSphere routes above the physical databases, reached
 * through Seata's AT or XA proxy or directly (TCC), per global transaction; a purchase, bound to its user
 * ({@code ShardScope}), goes straight to the user's database, naming the orders table itself ({@link OrderTable}).
 */
@Configuration(proxyBeanMethods = false)
class OrderDataSourceConfiguration {

    private static final String BY_USER = "order_db_by_user";
    private static final String TABLE_BY_USER = "order_table_by_user";

    @Bean
    BranchTypeRoutingDataSource dataSource(DatabaseProperties databases) {
        Map<String, PhysicalDatabase> shards = new LinkedHashMap<>();
        for (int i = 0; i < OrderTable.DATABASES; i++) {
            shards.put("ds_" + i, databases.get("order-" + i));
        }
        ShardingRuleConfiguration sharding = new ShardingRuleConfiguration();
        ShardingTableRuleConfiguration orders = new ShardingTableRuleConfiguration(
                OrderTable.LOGICAL, ShardedDataSources.dataNodes(shards.keySet(), OrderTable.physicalTables()));
        orders.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("user_id", BY_USER));
        orders.setTableShardingStrategy(new StandardShardingStrategyConfiguration("user_id", TABLE_BY_USER));
        sharding.getTables().add(orders);
        ShardedDataSources.spreadByUser(
                sharding,
                BY_USER,
                shards.keySet(),
                List.of("order_transactions", "outbox_events", "top_ups", "payment_notifications"));
        sharding.getShardingAlgorithms().put(TABLE_BY_USER, ModuloShardingAlgorithm.configWithin(OrderTable.DATABASES));
        return ShardedDataSources.create("orders", shards, sharding, List.of(), Set.of(OrderTable.LOGICAL));
    }
}
