package com.tradeflow.web.config;

import com.tradeflow.platform.datasource.DatabaseProperties;
import com.tradeflow.platform.datasource.ModuloShardingAlgorithm;
import com.tradeflow.platform.datasource.PhysicalDatabase;
import com.tradeflow.platform.datasource.ShardedDataSources;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.apache.shardingsphere.single.config.SingleRuleConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders over 2 databases x 2 tables: database {@code user_id % 2} (a user's orders live together), table by a
 * hash of the order id (snowflake ids are time-ordered, a plain modulo would fill one table). The
 * Idempotency-Key table is a single table in {@code ds_0}. Each physical database is a Seata AT proxy.
 */
@Configuration(proxyBeanMethods = false)
class OrderDataSourceConfiguration {

    private static final int SHARDS = 2;
    private static final String BY_USER = "order_db_by_user";
    private static final String BY_ORDER = "order_table_by_order";

    @Bean
    DataSource dataSource(DatabaseProperties databases) {
        Map<String, PhysicalDatabase> shards = new LinkedHashMap<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.put("ds_" + i, databases.get("order-" + i));
        }
        ShardingRuleConfiguration sharding = new ShardingRuleConfiguration();
        ShardingTableRuleConfiguration orders = new ShardingTableRuleConfiguration("orders",
                "ds_0.orders_0,ds_0.orders_1,ds_1.orders_0,ds_1.orders_1");
        orders.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("user_id", BY_USER));
        orders.setTableShardingStrategy(new StandardShardingStrategyConfiguration("order_id", BY_ORDER));
        sharding.getTables().add(orders);
        sharding.getShardingAlgorithms().put(BY_USER, ModuloShardingAlgorithm.config(false));
        sharding.getShardingAlgorithms().put(BY_ORDER, ModuloShardingAlgorithm.config(true));

        SingleRuleConfiguration single = new SingleRuleConfiguration();
        single.getTables().add("ds_0.order_requests");
        return ShardedDataSources.create("orders", shards, List.of(sharding, single));
    }
}
