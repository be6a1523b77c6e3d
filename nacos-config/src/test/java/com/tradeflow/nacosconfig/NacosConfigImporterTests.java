package com.tradeflow.nacosconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.tradeflow.nacos.devserver.DevServerOptions;
import com.tradeflow.nacos.devserver.NacosDevServer;
import com.tradeflow.nacos.devserver.config.ConfigKey;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NacosConfigImporterTests {

    @Test
    void shouldPublishEveryConfigOnceAndLeaveItAloneAfterwards() throws Exception {
        try (NacosDevServer nacos =
                NacosDevServer.start(DevServerOptions.defaults().withPort(0))) {
            Properties properties = new Properties();
            properties.setProperty(PropertyKeyConst.SERVER_ADDR, nacos.address());

            List<NacosConfigImporter.Result> dry = NacosConfigImporter.importAll(properties, true);
            assertThat(dry).isNotEmpty().allMatch(r -> r.outcome() == NacosConfigImporter.Outcome.WOULD_CREATE);
            assertThat(nacos.configs().size()).isZero();

            List<NacosConfigImporter.Result> first = NacosConfigImporter.importAll(properties, false);
            assertThat(first).allMatch(r -> r.outcome() == NacosConfigImporter.Outcome.CREATED);
            assertThat(nacos.configs().get(ConfigKey.of("", "SEATA_GROUP", "seata-client.properties")))
                    .hasValueSatisfying(
                            i -> assertThat(i.content()).contains("service.vgroupMapping.tradeflow_tx_group=default"));

            List<NacosConfigImporter.Result> second = NacosConfigImporter.importAll(properties, false);
            assertThat(second).allMatch(r -> r.outcome() == NacosConfigImporter.Outcome.UNCHANGED);

            nacos.configs().publish(ConfigKey.of("", "SEATA_GROUP", "seataServer.properties"), "changed", null, null);
            assertThat(NacosConfigImporter.importAll(properties, false))
                    .filteredOn(r -> r.dataId().equals("seataServer.properties"))
                    .singleElement()
                    .extracting(NacosConfigImporter.Result::outcome)
                    .isEqualTo(NacosConfigImporter.Outcome.UPDATED);
        }
    }

    @Test
    void shouldPublishSentinelRulesOnlyWhereNoneExistAndKeepWhatOperatorsSet() throws Exception {
        try (NacosDevServer nacos =
                NacosDevServer.start(DevServerOptions.defaults().withPort(0))) {
            Properties properties = new Properties();
            properties.setProperty(PropertyKeyConst.SERVER_ADDR, nacos.address());
            ConfigKey flow = ConfigKey.of("", "SENTINEL_GROUP", "consumer-web-flow-rules");
            String operators = "[{\"resource\":\"POST:/api/orders\",\"grade\":1,\"count\":3}]";
            nacos.configs().publish(flow, operators, null, null);

            List<NacosConfigImporter.Result> results = NacosConfigImporter.importAll(properties, false);

            assertThat(results)
                    .filteredOn(r -> r.dataId().equals("consumer-web-flow-rules"))
                    .singleElement()
                    .extracting(NacosConfigImporter.Result::outcome)
                    .isEqualTo(NacosConfigImporter.Outcome.KEPT);
            assertThat(nacos.configs().get(flow))
                    .hasValueSatisfying(i -> assertThat(i.content()).isEqualTo(operators));
            assertThat(results)
                    .filteredOn(r -> r.group().equals("SENTINEL_GROUP"))
                    .hasSize(15)
                    .filteredOn(r -> !r.dataId().equals("consumer-web-flow-rules"))
                    .allMatch(r -> r.outcome() == NacosConfigImporter.Outcome.CREATED);
            assertThat(nacos.configs().get(ConfigKey.of("", "SENTINEL_GROUP", "provider-account-degrade-rules")))
                    .hasValueSatisfying(i -> assertThat(i.content().strip()).isEqualTo("[]"));
        }
    }
}
