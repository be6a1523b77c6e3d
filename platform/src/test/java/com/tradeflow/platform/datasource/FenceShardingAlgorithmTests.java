package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.shardingsphere.sharding.api.sharding.hint.HintShardingValue;
import org.junit.jupiter.api.Test;

class FenceShardingAlgorithmTests {

    private final FenceShardingAlgorithm algorithm = new FenceShardingAlgorithm();
    private final List<String> shards = List.of("ds_0", "ds_1");

    @Test
    void shouldRouteToTheShardOfTheHintedKey() {
        assertThat(algorithm.doSharding(shards, hint(List.of(7L)))).containsExactly("ds_1");
        assertThat(algorithm.doSharding(shards, hint(List.of(42L)))).containsExactly("ds_0");
    }

    @Test
    void shouldRouteToEveryShardWithoutAHint() {
        assertThat(algorithm.doSharding(shards, hint(List.of()))).containsExactlyElementsOf(shards);
    }

    private static HintShardingValue<Comparable<?>> hint(List<Comparable<?>> values) {
        return new HintShardingValue<>("tcc_fence_log", "", values);
    }
}
