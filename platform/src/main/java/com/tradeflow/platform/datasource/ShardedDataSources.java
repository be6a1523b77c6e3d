package com.tradeflow.platform.datasource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.config.rule.RuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.HintShardingStrategyConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data source of a service whose tables ShardingSphere spreads over several databases: a
 * {@link BranchTypeRoutingDataSource} over one ShardingSphere data source per face (AT, XA, plain) of the
 * physical databases (see {@link PhysicalDataSources}).
 */
public final class ShardedDataSources {

    private static final Logger log = LoggerFactory.getLogger(ShardedDataSources.class);

    /** Seata's TCC fence table: one per physical database, next to the rows its actions change. */
    static final String FENCE_TABLE = "tcc_fence_log";

    private static final String FENCE_ALGORITHM = "tcc_fence_by_action_context";

    private ShardedDataSources() {}

    /** ShardingSphere's data nodes of tables found in every shard: {@code ds_0.a,ds_0.b,ds_1.a,ds_1.b}. */
    public static String dataNodes(Collection<String> shards, Collection<String> tables) {
        return shards.stream()
                .flatMap(shard -> tables.stream().map(table -> shard + "." + table))
                .collect(Collectors.joining(","));
    }

    /**
     * Adds rules for tables that every shard holds under their own names, each row in the database of
     * {@code user_id mod n} (the spread that lets work bound to a user go straight to its database), with their
     * algorithm under the given name.
     */
    public static void spreadByUser(
            ShardingRuleConfiguration rules, String algorithm, Collection<String> shards, Collection<String> tables) {
        for (String table : tables) {
            ShardingTableRuleConfiguration rule =
                    new ShardingTableRuleConfiguration(table, dataNodes(shards, List.of(table)));
            rule.setDatabaseShardingStrategy(
                    new StandardShardingStrategyConfiguration(ShardKeyRules.KEY_COLUMN, algorithm));
            rules.getTables().add(rule);
        }
        rules.getShardingAlgorithms().put(algorithm, ModuloShardingAlgorithm.config());
    }

    /**
     * The service's data source. The TCC fence table is added to
     * the sharding rules: it lives in every shard and is routed by the action context of the TCC branch
     * ({@link FenceShardHint}), so the fence row and the rows of the action commit in one local transaction.
     * When every table is spread by user id alone ({@link ShardKeyRules}), units of work bound to a user
     * ({@link ShardScope}) use the user's database directly.
     *
     * @param shards          logical shard name ({@code ds_0} ...) to its physical database
     * @param sharding        the service's table rules; the fence table is added to it
     * @param others          further rules (single tables ...)
     * @param namedByCode     tables also split inside each database whose repositories name the physical table
     *                        when {@link BranchTypeRoutingDataSource#direct()} (empty: none)
     */
    public static BranchTypeRoutingDataSource create(
            String name,
            Map<String, PhysicalDatabase> shards,
            ShardingRuleConfiguration sharding,
            Collection<RuleConfiguration> others,
            Set<String> namedByCode) {
        boolean direct =
                others.isEmpty() && ShardKeyRules.spreadByKeyAlone(sharding, List.copyOf(shards.keySet()), namedByCode);
        ShardingTableRuleConfiguration fence =
                new ShardingTableRuleConfiguration(FENCE_TABLE, dataNodes(shards.keySet(), List.of(FENCE_TABLE)));
        fence.setDatabaseShardingStrategy(new HintShardingStrategyConfiguration(FENCE_ALGORITHM));
        sharding.getTables().add(fence);
        sharding.getShardingAlgorithms().put(FENCE_ALGORITHM, FenceShardingAlgorithm.config());
        List<RuleConfiguration> rules = new ArrayList<>();
        rules.add(sharding);
        rules.addAll(others);

        Map<String, PhysicalDataSources.Targets> physical = new LinkedHashMap<>();
        shards.forEach((shard, db) -> physical.put(shard, PhysicalDataSources.open(db)));
        log.info(
                "{}: units of work bound to a user go {}",
                name,
                direct
                        ? "straight to the user's database"
                        : "through ShardingSphere (some table is not spread by user id alone)");
        return new BranchTypeRoutingDataSource(
                shardingSphere(name + "-at", shards, physical, PhysicalDataSources.Targets::at, rules),
                shardingSphere(name + "-xa", shards, physical, PhysicalDataSources.Targets::xa, rules),
                shardingSphere(name + "-local", shards, physical, PhysicalDataSources.Targets::local, rules),
                physical.values().stream()
                        .map(targets -> targets.at().getResourceId())
                        .toList(),
                physical.values().stream()
                        .map(PhysicalDataSources.Targets::local)
                        .toList(),
                true,
                direct
                        ? physical.values().stream()
                                .map(BranchTypeRoutingDataSource.Faces::of)
                                .toList()
                        : List.of());
    }

    private static DataSource shardingSphere(
            String name,
            Map<String, PhysicalDatabase> shards,
            Map<String, PhysicalDataSources.Targets> physical,
            Function<PhysicalDataSources.Targets, DataSource> face,
            List<RuleConfiguration> rules) {
        Map<String, DataSource> faces = new LinkedHashMap<>();
        physical.forEach((shard, targets) ->
                faces.put(shard, new ShardingVisibleDataSource(face.apply(targets), shards.get(shard))));
        return shardingSphere(name, faces, rules);
    }

    /** A ShardingSphere data source over the given faces of the databases, with these rules. */
    public static DataSource shardingSphere(String name, Map<String, DataSource> faces, List<RuleConfiguration> rules) {
        Properties props = new Properties();
        // SQL logging is the services' business, not the driver's
        props.setProperty("sql-show", "false");
        try {
            return ShardingSphereDataSourceFactory.createDataSource(name, null, faces, rules, props);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the sharded data source " + name + ": " + e.getMessage(), e);
        }
    }
}
