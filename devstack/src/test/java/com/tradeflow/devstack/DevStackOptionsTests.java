package com.tradeflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.devstack.service.ServiceInstance;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertThat(options.services())
                .as("the second consumer-web only on request")
                .containsExactly(ServiceName.INVENTORY, ServiceName.ACCOUNT, ServiceName.WEB);
        assertThat(options.webTransactionalPort()).isEqualTo(8083);
        assertThat(options.webManagementPorts())
                .containsEntry(ServiceName.WEB, 9080)
                .containsEntry(ServiceName.WEB_TRANSACTIONAL, 9083);
        assertThat(options.faultsEnabled()).isFalse();
        assertThat(options.effectiveRocketmqNamesrv()).isEqualTo("127.0.0.1:9876");
        assertThat(options.rocketmqBrokerPort()).isEqualTo(10911);
        assertThat(options.benchmarkMode()).isFalse();
        // a fresh admin token per start: 32 random bytes
        assertThat(options.adminToken())
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(DevStackOptions.fromEnvironment(Map.of(), ROOT).adminToken());
        assertThat(options.embeddedGateway()).isTrue();
        assertThat(options.effectiveGatewayUrl()).isEqualTo("http://127.0.0.1:8090");
        // the gateway's credentials are fresh per start too, and not the admin token
        assertThat(options.gatewayApiKey()).matches("[0-9a-f]{64}").isNotEqualTo(options.adminToken());
        assertThat(options.gatewaySecret()).matches("[0-9a-f]{64}").isNotEqualTo(options.gatewayApiKey());
        // the issuer of users' tokens: auth-server on 8093, the documented demo password, a fresh admin password
        assertThat(options.identity().embedded()).isTrue();
        assertThat(options.identity().effectiveIssuerUri()).isEqualTo("http://127.0.0.1:8093");
        assertThat(options.identity().demoPassword()).isEqualTo(DevStackOptions.DEFAULT_DEMO_PASSWORD);
        assertThat(options.identity().adminPassword()).matches("[0-9a-f]{64}").isNotEqualTo(options.adminToken());
    }

    @Test
    void shouldHaveTheEmbeddedBrokerTakeOnlyRequestsSignedWithAFreshSecret() {
        DevStackOptions options = DevStackOptions.fromEnvironment(Map.of(), ROOT);

        assertThat(options.brokerCredentials()).isNotNull();
        assertThat(options.brokerCredentials().secretKey())
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(DevStackOptions.fromEnvironment(Map.of(), ROOT)
                        .brokerCredentials()
                        .secretKey());
        assertThat(options.brokerCredentials().toString())
                .doesNotContain(options.brokerCredentials().secretKey());
    }

    @Test
    void shouldSignWithTheGivenBrokerCredentialsOrNotAtAllForAnExternalBrokerWithoutThem() {
        DevStackOptions given = DevStackOptions.fromEnvironment(
                Map.of("ROCKETMQ_NAMESRV", "mq:9876", "ROCKETMQ_ACCESS_KEY", "orders", "ROCKETMQ_SECRET_KEY", "s3cret"),
                ROOT);
        assertThat(given.brokerCredentials().accessKey()).isEqualTo("orders");
        assertThat(given.brokerCredentials().secretKey()).isEqualTo("s3cret");

        assertThat(DevStackOptions.fromEnvironment(Map.of("ROCKETMQ_NAMESRV", "mq:9876"), ROOT)
                        .brokerCredentials())
                .as("an external broker without ACL")
                .isNull();
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("ROCKETMQ_ACCESS_KEY", "orders"), ROOT))
                .hasMessageContaining("ROCKETMQ_SECRET_KEY");
    }

    @Test
    void shouldTakeAnExternalIssuerInsteadOfStartingOne() {
        DevStackOptions options = DevStackOptions.fromEnvironment(
                Map.of(
                        "OIDC_ISSUER_URI",
                        "https://keycloak.example.com/realms/tradeflow",
                        "AUTH_DEMO_PASSWORD",
                        "another-demo-password"),
                ROOT);

        assertThat(options.identity().embedded()).isFalse();
        assertThat(options.identity().effectiveIssuerUri()).isEqualTo("https://keycloak.example.com/realms/tradeflow");
        assertThat(options.identity().demoPassword()).isEqualTo("another-demo-password");
    }

    @Test
    void shouldUseExternalServersAndPortsFromVariables() {
        DevStackOptions options = DevStackOptions.fromEnvironment(
                Map.ofEntries(
                        Map.entry("NACOS_ADDR", "nacos:8848"),
                        Map.entry("MYSQL_HOST", "db"),
                        Map.entry("MYSQL_PORT", "3307"),
                        Map.entry("REDIS_URL", "redis://cache:6379"),
                        Map.entry("SEATA_ADDR", "tc:8091"),
                        Map.entry("WEB_PORT", "9090"),
                        Map.entry("DEVSTACK_SERVICES", "provider-inventory,consumer-web-txmsg"),
                        Map.entry("ROCKETMQ_NAMESRV", "mq:9876"),
                        Map.entry("TRADEFLOW_ADMIN_TOKEN", "s3cret"),
                        Map.entry("GATEWAY_URL", "https://pay.example.com"),
                        Map.entry("GATEWAY_API_KEY", "k"),
                        Map.entry("GATEWAY_SECRET", "hmac")),
                ROOT);
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
        assertThat(options.embeddedGateway()).isFalse();
        assertThat(options.effectiveGatewayUrl()).isEqualTo("https://pay.example.com");
        assertThat(options.gatewayApiKey()).isEqualTo("k");
        assertThat(options.gatewaySecret()).isEqualTo("hmac");
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

    @Test
    void shouldStartInBenchmarkModeWhenTheVariableSaysSo() {
        assertThat(DevStackOptions.fromEnvironment(Map.of(DevStackOptions.BENCHMARK_MODE_VARIABLE, "true"), ROOT)
                        .benchmarkMode())
                .isTrue();
        assertThat(DevStackOptions.fromEnvironment(Map.of(DevStackOptions.BENCHMARK_MODE_VARIABLE, "false"), ROOT)
                        .benchmarkMode())
                .isFalse();
    }

    @Test
    void shouldRunOneOfEverythingUnlessInstancesAreAskedFor() {
        DevStackOptions.Instances instances =
                DevStackOptions.fromEnvironment(Map.of(), ROOT).instances();

        assertThat(instances.of(ServiceName.ACCOUNT)).isEqualTo(1);
        assertThat(instances.coordinators()).isEqualTo(1);
        assertThat(instances.portStep()).isEqualTo(100);
    }

    @Test
    void shouldRunSeveralOfEveryStartedServiceAndTcNodesForOneNumber() {
        DevStackOptions options = DevStackOptions.fromEnvironment(
                Map.of("DEVSTACK_INSTANCES", "2", "DEVSTACK_SERVICES", "provider-account,consumer-web"), ROOT);

        assertThat(options.instances().of(ServiceName.ACCOUNT)).isEqualTo(2);
        assertThat(options.instances().of(ServiceName.WEB)).isEqualTo(2);
        assertThat(options.instances().of(ServiceName.INVENTORY))
                .as("not started, not multiplied")
                .isEqualTo(1);
        assertThat(options.instances().coordinators()).isEqualTo(2);
    }

    @Test
    void shouldRunSeveralOfOnlyTheNamedServices() {
        DevStackOptions.Instances instances = DevStackOptions.fromEnvironment(
                        Map.of("DEVSTACK_INSTANCES", "provider-account=3, seata-tc=2"), ROOT)
                .instances();

        assertThat(instances.of(ServiceName.ACCOUNT)).isEqualTo(3);
        assertThat(instances.of(ServiceName.WEB)).isEqualTo(1);
        assertThat(instances.coordinators()).isEqualTo(2);
    }

    @Test
    void shouldStartEveryFirstInstanceBeforeAnySecondOne() {
        DevStackOptions options = DevStackOptions.fromEnvironment(
                Map.of("DEVSTACK_INSTANCES", "provider-inventory=2,consumer-web=3"), ROOT);

        assertThat(options.instances().startOrder(options.services()))
                .extracting(ServiceInstance::name)
                .containsExactly(
                        "provider-inventory",
                        "provider-account",
                        "consumer-web",
                        "provider-inventory-2",
                        "consumer-web-2",
                        "consumer-web-3");
    }

    @Test
    void shouldRefuseInstanceCountsItCannotPlace() {
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("DEVSTACK_INSTANCES", "0"), ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEVSTACK_INSTANCES")
                .hasMessageContaining("from 1 to 9");
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("DEVSTACK_INSTANCES", "consumer-web=10"), ROOT))
                .hasMessageContaining("consumer-web");
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("DEVSTACK_INSTANCES", "billing=2"), ROOT))
                .hasMessage("DEVSTACK_INSTANCES: unknown service 'billing'");
        assertThatThrownBy(() -> DevStackOptions.fromEnvironment(Map.of("DEVSTACK_INSTANCES", "two"), ROOT))
                .hasMessageContaining("not 'two'");
    }

    @Test
    void shouldGiveTestStacksATcClusterAndFurtherInstancesOnFreePorts() {
        DevStackOptions.Instances instances =
                DevStackOptions.forTests(ROOT, ROOT.resolve("work")).instances();

        assertThat(instances.coordinators()).isEqualTo(2);
        assertThat(instances.of(ServiceName.WEB)).isEqualTo(1);
        assertThat(instances.portStep()).isZero();
    }
}
