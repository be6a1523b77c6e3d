package com.tradeflow.platform.datasource;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.sharding.api.sharding.hint.HintShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.hint.HintShardingValue;

/**
 * Routes Seata's TCC fence table by the shard key the current TCC branch hinted ({@link FenceShardHint}): the
 * shard {@code key mod n}, like the business tables. Without a hint (Seata's periodic clean-up) every shard; an
 * insert without a hint fails in ShardingSphere rather than landing in a shard the branch's rows are not in.
 */
public final class FenceShardingAlgorithm implements HintShardingAlgorithm<Comparable<?>> {

    static AlgorithmConfiguration config() {
        Properties props = new Properties();
        props.setProperty("strategy", "HINT");
        props.setProperty("algorithmClassName", FenceShardingAlgorithm.class.getName());
        return new AlgorithmConfiguration("CLASS_BASED", props);
    }

    @Override
    public Collection<String> doSharding(Collection<String> targets, HintShardingValue<Comparable<?>> hint) {
        if (hint.getValues().isEmpty()) {
            return targets;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Comparable<?> value : hint.getValues()) {
            long key = Long.parseLong(value.toString());
            String suffix = "_" + Math.floorMod(key, (long) targets.size());
            chosen.add(targets.stream()
                    .filter(t -> t.endsWith(suffix))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no shard ending in " + suffix + " among " + targets)));
        }
        return chosen;
    }
}
