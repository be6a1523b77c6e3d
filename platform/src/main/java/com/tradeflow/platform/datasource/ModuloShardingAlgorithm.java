package com.tradeflow.platform.datasource;

import java.util.Collection;
import java.util.Properties;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * Routes a numeric key to the target whose name ends in {@code _<key mod n>} ({@code ds_1} ...), n being the number
 * of targets. {@link #configWithin} splits again what an outer rule already split by the same key (tables inside a
 * database chosen by {@code key mod d}): the key's next digit, {@code key / d mod n}, so that the keys of one
 * database spread over all its tables. ShardingSphere's own MOD/HASH_MOD only work for "auto" tables, whose
 * physical names it picks itself; this keeps our explicit data nodes and needs no Groovy inline expressions.
 */
public final class ModuloShardingAlgorithm implements StandardShardingAlgorithm<Long> {

    /** The targets of the outer split by the same key (1: none). */
    private long within = 1;

    /** For ShardingSphere's CLASS_BASED algorithm type: {@code key mod n}. */
    public static AlgorithmConfiguration config() {
        return configWithin(1);
    }

    /**
     * For ShardingSphere's CLASS_BASED algorithm type: the key spread inside each of {@code outerTargets} targets
     * already chosen by {@code key mod outerTargets}.
     */
    public static AlgorithmConfiguration configWithin(int outerTargets) {
        Properties props = new Properties();
        props.setProperty("strategy", "STANDARD");
        props.setProperty("algorithmClassName", ModuloShardingAlgorithm.class.getName());
        if (outerTargets > 1) {
            props.setProperty("within", String.valueOf(outerTargets));
        }
        return new AlgorithmConfiguration("CLASS_BASED", props);
    }

    @Override
    public void init(Properties props) {
        within = Long.parseLong(props.getProperty("within", "1"));
    }

    @Override
    public String doSharding(Collection<String> targets, PreciseShardingValue<Long> value) {
        String suffix = "_" + indexWithin(value.getValue(), within, targets.size());
        return targets.stream()
                .filter(t -> t.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no target ending in " + suffix + " among " + targets));
    }

    /**
     * The index of the target a key goes to (the suffix of its name): {@code key / outerTargets mod targets}.
     * Public for code that names a physical table itself.
     */
    public static int indexWithin(long key, long outerTargets, int targets) {
        return (int) Math.floorMod(Math.floorDiv(key, outerTargets), (long) targets);
    }

    /** A range of keys can be anywhere: all targets. */
    @Override
    public Collection<String> doSharding(Collection<String> targets, RangeShardingValue<Long> value) {
        return targets;
    }
}
