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
 * bits do not vary. {@link #configWithin} splits again what an outer rule already split by the same key (tables inside
 * a database chosen by {@code key mod d}): the key's next digit, {@code key / d mod n}, so that the keys of one
 * database spread over all its tables. ShardingSphere's own MOD/HASH_MOD only work for "auto" tables, whose
 * physical names it picks itself; this keeps our explicit data nodes and needs no Groovy inline expressions.
 */
public final class ModuloShardingAlgorithm implements StandardShardingAlgorithm<Long> {

    private boolean hash;
    /** The targets of the outer split by the same key (1: none). */
    private long within = 1;

    /** For ShardingSphere's CLASS_BASED algorithm type. */
    public static AlgorithmConfiguration config(boolean hash) {
        return config(hash ? "hash" : "value", 1);
    }

    /**
     * For ShardingSphere's CLASS_BASED algorithm type: the key's value spread inside each of {@code outerTargets}
     * targets already chosen by {@code key mod outerTargets}.
     */
    public static AlgorithmConfiguration configWithin(int outerTargets) {
        return config("value", outerTargets);
    }

    private static AlgorithmConfiguration config(String spread, int within) {
        Properties props = new Properties();
        props.setProperty("strategy", "STANDARD");
        props.setProperty("algorithmClassName", ModuloShardingAlgorithm.class.getName());
        props.setProperty("spread", spread);
        if (within > 1) {
            props.setProperty("within", String.valueOf(within));
        }
        return new AlgorithmConfiguration("CLASS_BASED", props);
    }

    @Override
    public void init(Properties props) {
        hash = "hash".equals(props.getProperty("spread"));
        within = Long.parseLong(props.getProperty("within", "1"));
    }

    @Override
    public String doSharding(Collection<String> targets, PreciseShardingValue<Long> value) {
        int index = hash
                ? index(value.getValue(), true, targets.size())
                : indexWithin(value.getValue(), within, targets.size());
        String suffix = "_" + index;
        return targets.stream()
                .filter(t -> t.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no target ending in " + suffix + " among " + targets));
    }

    /**
     * The index of the target a key goes to: the suffix of its name.
     *
     * @param hash    whether the key is mixed first (the rule's {@code spread=hash})
     * @param targets how many targets the rule spreads over
     */
    static int index(long key, boolean hash, int targets) {
        return (int) Math.floorMod(hash ? mix(key) : key, (long) targets);
    }

    /**
     * The index of the target a key goes to under {@link #configWithin}: {@code key / outerTargets mod targets}.
     * Public for code that names a physical table itself.
     */
    public static int indexWithin(long key, long outerTargets, int targets) {
        return (int) Math.floorMod(Math.floorDiv(key, outerTargets), (long) targets);
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
