package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.HintShardingStrategyConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.junit.jupiter.api.Test;

class ShardKeyRulesTests {

    private static final List<String> SHARDS = List.of("ds_0", "ds_1");

    @Test
    void shouldAllowDirectUseWhenEveryTableIsSpreadByUserIdAlone() {
        ShardingRuleConfiguration rules = rules(byUser("wallets"), byUser("wallet_ledger"), fence());

        assertThat(ShardKeyRules.spreadByKeyAlone(rules, SHARDS, Set.of())).isTrue();
    }

    @Test
    void shouldRefuseWhenATableIsAlsoSplitInsideEachDatabase() {
        ShardingRuleConfiguration rules = rules(byUser("wallets"), orders());
        rules.getShardingAlgorithms().put("by_table", ModuloShardingAlgorithm.configWithin(2));

        assertThat(ShardKeyRules.spreadByKeyAlone(rules, SHARDS, Set.of())).isFalse();
    }

    @Test
    void shouldAllowATableSplitInsideEachDatabaseWhenItsCodeNamesThePhysicalTable() {
        ShardingRuleConfiguration rules = rules(byUser("wallets"), orders());
        rules.getShardingAlgorithms().put("by_table", ModuloShardingAlgorithm.configWithin(2));

        assertThat(ShardKeyRules.spreadByKeyAlone(rules, SHARDS, Set.of("orders")))
                .isTrue();
    }

    @Test
    void shouldRefuseWhenATableIsSpreadByAnotherColumn() {
        ShardingTableRuleConfiguration events = new ShardingTableRuleConfiguration("events", "ds_0.events,ds_1.events");
        events.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("order_id", "by_user"));

        assertThat(ShardKeyRules.spreadByKeyAlone(rules(byUser("wallets"), events), SHARDS, Set.of()))
                .isFalse();
    }

    @Test
    void shouldRefuseWhenTheDatabaseIsNotTheKeyModuloTheShards() {
        ShardingRuleConfiguration rules = rules(byUser("wallets"));
        rules.getShardingAlgorithms().put("by_user", ModuloShardingAlgorithm.configWithin(2));

        assertThat(ShardKeyRules.spreadByKeyAlone(rules, SHARDS, Set.of())).isFalse();
    }

    @Test
    void shouldRefuseWhenTheDatabasesAreNotInShardOrder() {
        assertThat(ShardKeyRules.spreadByKeyAlone(rules(byUser("wallets")), List.of("ds_1", "ds_0"), Set.of()))
                .isFalse();
    }

    private static ShardingTableRuleConfiguration byUser(String table) {
        ShardingTableRuleConfiguration rule =
                new ShardingTableRuleConfiguration(table, "ds_0." + table + ",ds_1." + table);
        rule.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("user_id", "by_user"));
        return rule;
    }

    private static ShardingTableRuleConfiguration orders() {
        ShardingTableRuleConfiguration orders =
                new ShardingTableRuleConfiguration("orders", "ds_0.orders_0,ds_0.orders_1,ds_1.orders_0,ds_1.orders_1");
        orders.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("user_id", "by_user"));
        orders.setTableShardingStrategy(new StandardShardingStrategyConfiguration("user_id", "by_table"));
        return orders;
    }

    private static ShardingTableRuleConfiguration fence() {
        ShardingTableRuleConfiguration fence = new ShardingTableRuleConfiguration(
                ShardedDataSources.FENCE_TABLE,
                "ds_0." + ShardedDataSources.FENCE_TABLE + ",ds_1." + ShardedDataSources.FENCE_TABLE);
        fence.setDatabaseShardingStrategy(new HintShardingStrategyConfiguration("fence"));
        return fence;
    }

    private static ShardingRuleConfiguration rules(ShardingTableRuleConfiguration... tables) {
        ShardingRuleConfiguration rules = new ShardingRuleConfiguration();
        rules.getTables().addAll(List.of(tables));
        rules.getShardingAlgorithms().put("by_user", ModuloShardingAlgorithm.config());
        return rules;
    }
}
