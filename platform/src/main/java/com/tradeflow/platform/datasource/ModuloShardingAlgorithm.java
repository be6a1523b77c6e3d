package com.tradeflow.platform.datasource;

import java.util.Collection;
import java.util.Properties;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * Routes a numeric key to the target whose name ends in {@code _<key mod n>} ({@code ds_1}, {@code orders_0} ...),
 * n being the number of targets. With {@code spread=hash} the key is mixed first, for time-ordered ids whose low
 * bits do not vary. ShardingSphere's own MOD/HASH_MOD only work for "auto" tables, whose physical names it picks
 * itself; this keeps our explicit data nodes and needs no Groovy inline expressions.
 */
public final class ModuloShardingAlgorithm implements StandardShardingAlgorithm<Long> {

    private boolean hash;

    /** For ShardingSphere's CLASS_BASED algorithm type. */
    public static AlgorithmConfiguration config(boolean hash) {
        Properties props = new Properties();
        props.setProperty("strategy", "STANDARD");
        props.setProperty("algorithmClassName", ModuloShardingAlgorithm.class.getName());
        props.setProperty("spread", hash ? "hash" : "value");
        return new AlgorithmConfiguration("CLASS_BASED", props);
    }

    @Override
    public void init(Properties props) {
        hash = "hash".equals(props.getProperty("spread"));
    }

    @Override
    public String doSharding(Collection<String> targets, PreciseShardingValue<Long> value) {
        String suffix = "_" + index(value.getValue(), hash, targets.size());
        return targets.stream()
                .filter(t -> t.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no target ending in " + suffix + " among " + targets));
    }

    /**
     * The index of the target a key goes to: the suffix of its name. Public for code that names a physical table
     * itself (a statement that bypasses ShardingSphere).
     *
     * @param hash    whether the key is mixed first (the rule's {@code spread=hash})
     * @param targets how many targets the rule spreads over
     */
    public static int index(long key, boolean hash, int targets) {
        return (int) Math.floorMod(hash ? mix(key) : key, (long) targets);
    }

    /**
     * MurmurHash3's 64-bit finaliser: every input bit affects every output bit. {@code Long.hashCode} does not
     * do for snowflake ids: its parity only changes once per 1024 ms, so a whole second of orders shared a table.
     */
    static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** A range of keys can be anywhere: all targets. */
    @Override
    public Collection<String> doSharding(Collection<String> targets, RangeShardingValue<Long> value) {
        return targets;
    }
}
