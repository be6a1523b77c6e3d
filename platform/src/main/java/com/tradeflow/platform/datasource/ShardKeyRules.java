package com.tradeflow.platform.datasource;

import java.util.List;
import java.util.Set;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;

/**
 * Decides from a service's sharding rules whether a unit of work bound to a user ({@link ShardScope}) may use the
 * user's database directly: only when every statement would reach that database, under its own table names,
 * through ShardingSphere too.
 */
final class ShardKeyRules {

    /** The column the scope's key stands for. */
    static final String KEY_COLUMN = "user_id";

    private ShardKeyRules() {}

    /**
     * @param shards      the logical databases, in shard order ({@code ds_0}, {@code ds_1} ...)
     * @param namedByCode tables also split inside each database, whose code names the physical table itself
     * @return true when each table's database is {@code user_id mod n}, and each table (the TCC fence aside, which
     *         follows the same key by hint; those named by code aside) lives in every database under its own name
     *         and is split by nothing else
     */
    static boolean spreadByKeyAlone(ShardingRuleConfiguration rules, List<String> shards, Set<String> namedByCode) {
        for (int i = 0; i < shards.size(); i++) {
            if (!shards.get(i).endsWith("_" + i)) {
                return false;
            }
        }
        if (!rules.getAutoTables().isEmpty()
                || rules.getDefaultDatabaseShardingStrategy() != null
                || rules.getDefaultTableShardingStrategy() != null) {
            return false;
        }
        return rules.getTables().stream()
                .filter(table -> !ShardedDataSources.FENCE_TABLE.equals(table.getLogicTable()))
                .allMatch(table -> databaseByKey(table, rules)
                        && (namedByCode.contains(table.getLogicTable()) || sameNameEverywhere(table, shards)));
    }

    private static boolean databaseByKey(ShardingTableRuleConfiguration table, ShardingRuleConfiguration rules) {
        if (!(table.getDatabaseShardingStrategy() instanceof StandardShardingStrategyConfiguration database)
                || !KEY_COLUMN.equals(database.getShardingColumn())) {
            return false;
        }
        AlgorithmConfiguration algorithm = rules.getShardingAlgorithms().get(database.getShardingAlgorithmName());
        return ModuloShardingAlgorithm.config().equals(algorithm);
    }

    private static boolean sameNameEverywhere(ShardingTableRuleConfiguration table, List<String> shards) {
        return table.getTableShardingStrategy() == null
                && ShardedDataSources.dataNodes(shards, List.of(table.getLogicTable()))
                        .equals(table.getActualDataNodes().replace(" ", ""));
    }
}
