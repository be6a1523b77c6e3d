package com.tradeflow.nacos.devserver.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.naming.pojo.Instance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamingRegistryTests {

    private static final ServiceKey ORDERS = ServiceKey.of("public", "DEFAULT_GROUP", "orders");
    private final NamingRegistry registry = new NamingRegistry();

    @Test
    void shouldReplaceWhatAConnectionRegisteredWhenItRegistersAgain() {
        registry.register(ORDERS, "conn-1", List.of(instance("10.0.0.1", 1)), true);
        registry.register(ORDERS, "conn-1", List.of(instance("10.0.0.2", 2)), true);
        assertThat(registry.serviceInfo(ORDERS, "", false).getHosts())
                .extracting(Instance::getIp)
                .containsExactly("10.0.0.2");
    }

    @Test
    void shouldReleaseOnlyTheInstancesOfTheClosedConnection() {
        registry.register(ORDERS, "conn-1", List.of(instance("10.0.0.1", 1)), true);
        registry.register(ORDERS, "conn-2", List.of(instance("10.0.0.2", 2)), true);
        registry.upsert(ORDERS, NamingRegistry.PERSISTENT_OWNER, instance("10.0.0.3", 3), false);

        registry.releaseConnection("conn-1");

        assertThat(registry.serviceInfo(ORDERS, "", false).getHosts())
                .extracting(Instance::getIp)
                .containsExactlyInAnyOrder("10.0.0.2", "10.0.0.3");
    }

    @Test
    void shouldFilterByClusterHealthAndEnabled() {
        Instance east = instance("10.0.0.1", 1);
        east.setClusterName("east");
        Instance sick = instance("10.0.0.2", 2);
        sick.setHealthy(false);
        Instance disabled = instance("10.0.0.3", 3);
        disabled.setEnabled(false);
        registry.register(ORDERS, "conn-1", List.of(east, sick, disabled), true);

        assertThat(registry.serviceInfo(ORDERS, "", false).getHosts()).hasSize(2);
        assertThat(registry.serviceInfo(ORDERS, "", true).getHosts())
                .extracting(Instance::getIp)
                .containsExactly("10.0.0.1");
        assertThat(registry.serviceInfo(ORDERS, "east", false).getHosts())
                .extracting(Instance::getIp)
                .containsExactly("10.0.0.1");
        assertThat(registry.serviceInfo(ORDERS, "DEFAULT,east", false).getHosts())
                .hasSize(2);
    }

    @Test
    void shouldFillTheIdClusterAndGroupedNameAsARealServerDoes() {
        registry.register(ORDERS, "conn-1", List.of(instance("10.0.0.1", 20880)), true);
        Instance stored = registry.serviceInfo(ORDERS, "", false).getHosts().get(0);
        assertThat(stored.getInstanceId()).isEqualTo("10.0.0.1#20880#null#DEFAULT_GROUP@@orders");
        assertThat(stored.getClusterName()).isEqualTo("DEFAULT");
        assertThat(stored.getServiceName()).isEqualTo("DEFAULT_GROUP@@orders");
        assertThat(stored.isEphemeral()).isTrue();
    }

    @Test
    void shouldForgetAServiceWithNeitherInstancesNorSubscribers() {
        registry.register(ORDERS, "conn-1", List.of(instance("10.0.0.1", 1)), true);
        registry.subscribe(ORDERS, "conn-2", "");
        registry.deregister(ORDERS, "conn-1", "10.0.0.1", 1, null);
        assertThat(registry.serviceCount()).isEqualTo(1);

        registry.unsubscribe(ORDERS, "conn-2");
        assertThat(registry.serviceCount()).isZero();
    }

    @Test
    void shouldTellListenersOfEveryChangeToTheInstanceList() {
        List<ServiceKey> changes = new ArrayList<>();
        registry.onChange(changes::add);
        registry.register(ORDERS, "conn-1", List.of(instance("10.0.0.1", 1)), true);
        registry.setHealthy(ORDERS, "conn-1", "10.0.0.1", 1, "DEFAULT", false);
        registry.setHealthy(ORDERS, "conn-1", "10.0.0.1", 1, "DEFAULT", false);
        registry.releaseConnection("conn-1");
        registry.releaseConnection("conn-1");
        assertThat(changes).containsExactly(ORDERS, ORDERS, ORDERS);
    }

    @Test
    void shouldSplitAGroupedNameFromTheOneXApi() {
        assertThat(ServiceKey.of(null, null, "SEATA_GROUP@@seata-server"))
                .isEqualTo(new ServiceKey("public", "SEATA_GROUP", "seata-server"));
        assertThat(ServiceKey.of("", "", "svc")).isEqualTo(new ServiceKey("public", "DEFAULT_GROUP", "svc"));
    }

    @Test
    void shouldPageServiceNamesFromOneAndTreatPageZeroAsTheFirst() {
        List<String> names = List.of("a", "b", "c");
        assertThat(NamingRequestHandlers.page(names, 1, 2)).containsExactly("a", "b");
        assertThat(NamingRequestHandlers.page(names, 2, 2)).containsExactly("c");
        assertThat(NamingRequestHandlers.page(names, 0, Integer.MAX_VALUE)).containsExactly("a", "b", "c");
        assertThat(NamingRequestHandlers.page(names, 3, 2)).isEmpty();
    }

    private static Instance instance(String ip, int port) {
        Instance instance = new Instance();
        instance.setIp(ip);
        instance.setPort(port);
        return instance;
    }
}
