package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.datasource.nacos.NacosDataSource;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sentinel-datasource-nacos (on nacos-client 2.5.1) reads flow rules from the dev server and follows changes
 * published by an operator over the HTTP API, including a delete that clears the rules.
 */
class SentinelNacosDataSourceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NacosDevServer server;
    private static ReadableDataSource<String, List<FlowRule>> dataSource;

    @BeforeAll
    static void start() {
        server = NacosDevServer.start(DevServerOptions.defaults().withPort(0));
        dataSource = new NacosDataSource<>(server.address(), "SENTINEL_GROUP", "consumer-web-flow-rules", source -> {
            try {
                return source == null ? List.of() : JSON.readValue(source, new TypeReference<>() {});
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        FlowRuleManager.register2Property(dataSource.getProperty());
    }

    @AfterAll
    static void stop() throws Exception {
        dataSource.close();
        server.close();
    }

    @Test
    void shouldFollowRulePublishedUpdatedAndDeletedInNacos() throws Exception {
        assertThat(FlowRuleManager.getRules()).isEmpty();
        String base = "http://" + server.address();

        HttpApiIT.curl(
                "-X",
                "POST",
                base + "/nacos/v1/cs/configs",
                "-d",
                "dataId=consumer-web-flow-rules",
                "-d",
                "group=SENTINEL_GROUP",
                "--data-urlencode",
                "content=[{\"resource\":\"POST:/api/orders\",\"grade\":1,\"count\":5}]");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> FlowRuleManager.getRules().size() == 1
                        && FlowRuleManager.getRules().get(0).getCount() == 5);
        assertThat(FlowRuleManager.getRules().get(0).getResource()).isEqualTo("POST:/api/orders");

        HttpApiIT.curl(
                "-X",
                "POST",
                base + "/nacos/v2/cs/config",
                "-d",
                "dataId=consumer-web-flow-rules",
                "-d",
                "group=SENTINEL_GROUP",
                "--data-urlencode",
                "content=[{\"resource\":\"POST:/api/orders\",\"grade\":1,\"count\":7}]");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> FlowRuleManager.getRules().size() == 1
                        && FlowRuleManager.getRules().get(0).getCount() == 7);

        HttpApiIT.curl(
                "-X", "DELETE", base + "/nacos/v1/cs/configs?dataId=consumer-web-flow-rules&group=SENTINEL_GROUP");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> FlowRuleManager.getRules().isEmpty());
    }
}
