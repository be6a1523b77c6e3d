package com.tradeflow.devstack;

import com.tradeflow.devstack.service.ServiceName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackOptionsTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void shouldEmbedEverythingOnTheDefaultPortsWithoutVariables() {
        DevStackOptions options = DevStackOptions.fromEnvironment(Map.of(), ROOT);
        assertThat(options.webPort()).isEqualTo(8080);
        assertThat(options.embeddedMysql()).isTrue();
        assertThat(options.effectiveNacosAddr()).isEqualTo("127.0.0.1:8848");
        assertThat(options.effectiveSeataAddr()).isEqualTo("127.0.0.1:8091");
        assertThat(options.workDir()).isEqualTo(ROOT.resolve(".devstack"));
        assertThat(options.services()).as("the second consumer-web only on request")
                .containsExactly(ServiceName.INVENTORY, ServiceName.ACCOUNT, ServiceName.WEB);
        assertThat(options.webTransactionalPort()).isEqualTo(8083);
        assertThat(options.faultsEnabled()).isFalse();
        assertThat(options.effectiveRocketmqNamesrv()).isEqualTo("127.0.0.1:9876");
        assertThat(options.rocketmqBrokerPort()).isEqualTo(10911);
        assertThat(options.benchmarkMode()).isFalse();
        // a fresh admin token per start: 32 random bytes
        assertThat(options.adminToken()).matches("[0-9a-f]{64}")
                .isNotEqualTo(DevStackOptions.fromEnvironment(Map.of(), ROOT).adminToken());
    }

    @Test
    void shouldUseExternalServersAndPortsFromVariables() {
        DevStackOptions options = DevStackOptions.fromEnvironment(Map.of("NACOS_ADDR", "nacos:8848",
                "MYSQL_HOST", "db", "MYSQL_PORT", "3307", "REDIS_URL", "redis://cache:6379", "SEATA_ADDR", "tc:8091",
                "WEB_PORT", "9090", "DEVSTACK_SERVICES", "provider-inventory,consumer-web-txmsg",
                "ROCKETMQ_NAMESRV", "mq:9876",
                "TRADEFLOW_ADMIN_TOKEN", "s3cret"), ROOT);
        assertThat(options.embeddedMysql()).isFalse();
        assertThat(options.effectiveMysqlHost()).isEqualTo("db");
        assertThat(options.mysqlPort()).isEqualTo(3307);
        assertThat(options.effectiveNacosAddr()).isEqualTo("nacos:8848");
        assertThat(options.effectiveRedisUrl()).isEqualTo("redis://cache:6379");
        assertThat(options.effectiveSeataAddr()).isEqualTo("tc:8091");
        assertThat(options.webPort()).isEqualTo(9090);
        assertThat(options.services()).containsExactly(ServiceName.INVENTORY, ServiceName.WEB_TRANSACTIONAL);
        assertThat(options.effectiveRocketmqNamesrv()).isEqualTo("mq:9876");
        assertThat(options.adminToken()).isEqualTo("s3cret");
    }

    @Test
    void shouldNameTheVariableOfABadValue() {
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("WEB_PORT", "http"), ROOT))
                .hasMessageContaining("WEB_PORT");
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("MYSQL_PORT", "70000"), ROOT))
                .hasMessageContaining("MYSQL_PORT");
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("DEVSTACK_SERVICES", "billing"), ROOT))
                .hasMessageContaining("billing");
    }
}
