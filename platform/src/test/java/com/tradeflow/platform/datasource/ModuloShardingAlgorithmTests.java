package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.shardingsphere.infra.datanode.DataNodeInfo;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.junit.jupiter.api.Test;

class ModuloShardingAlgorithmTests {

    private static final List<String> DATABASES = List.of("ds_0", "ds_1");

    @Test
    void shouldRouteByValueModuloTheNumberOfTargets() {
        ModuloShardingAlgorithm byValue =
                algorithm(ModuloShardingAlgorithm.config().getProps());
        assertThat(byValue.doSharding(DATABASES, value(1))).isEqualTo("ds_1");
        assertThat(byValue.doSharding(DATABASES, value(2))).isEqualTo("ds_0");
        assertThat(byValue.doSharding(DATABASES, value(99))).isEqualTo("ds_1");
    }

    @Test
    void shouldSpreadTheKeysOfOneDatabaseOverAllItsTablesWithin() {
        ModuloShardingAlgorithm tables =
                algorithm(ModuloShardingAlgorithm.configWithin(2).getProps());
        Map<String, Integer> counts = new HashMap<>();
        // the users of database 1 (odd ids): key mod 2 over the tables would put them all in orders_1
        for (long user = 1; user < 200; user += 2) {
            String table = tables.doSharding(List.of("orders_0", "orders_1"), value(user));
            assertThat(table).isEqualTo("orders_" + ModuloShardingAlgorithm.indexWithin(user, 2, 2));
            counts.merge(table, 1, Integer::sum);
        }
        assertThat(counts).containsEntry("orders_0", 50).containsEntry("orders_1", 50);
        assertThat(tables.doSharding(List.of("orders_0", "orders_1"), value(5))).isEqualTo("orders_0");
        assertThat(tables.doSharding(List.of("orders_0", "orders_1"), value(7))).isEqualTo("orders_1");
    }

    private static ModuloShardingAlgorithm algorithm(Properties props) {
        ModuloShardingAlgorithm algorithm = new ModuloShardingAlgorithm();
        algorithm.init(props);
        return algorithm;
    }

    private static PreciseShardingValue<Long> value(long v) {
        return new PreciseShardingValue<>("t", "c", new DataNodeInfo("ds_", 1, '0'), v);
    }
}
