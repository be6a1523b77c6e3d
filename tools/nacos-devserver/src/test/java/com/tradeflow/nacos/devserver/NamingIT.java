package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.NamingService;
import com.alibaba.nacos.api.naming.listener.Event;
import com.alibaba.nacos.api.naming.listener.NamingEvent;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.alibaba.nacos.api.naming.pojo.ListView;
import com.tradeflow.nacos.devserver.support.ChildJvm;
import com.tradeflow.nacos.devserver.support.NacosClients;
import com.tradeflow.nacos.devserver.support.RegisterInstanceMain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** nacos-client 2.5.1 naming against the dev server, over gRPC. */
class NamingIT {

    private static NacosDevServer server;
    private static NacosClients clients;

    @BeforeAll
    static void start() {
        server = NacosDevServer.start(DevServerOptions.defaults().withPort(0));
        clients = new NacosClients(server.address());
    }

    @AfterAll
    static void stop() throws NacosException {
        clients.close();
        server.close();
    }

    @Test
    void shouldPushRegistrationsAndDeregistrationsOfOneClientToAnother() throws Exception {
        NamingService provider = clients.naming();
        NamingService consumer = clients.naming();
        List<List<Instance>> pushes = new CopyOnWriteArrayList<>();
        consumer.subscribe("orders", event -> pushes.add(((NamingEvent) event).getInstances()));

        Instance instance = new Instance();
        instance.setIp("10.0.0.7");
        instance.setPort(20880);
        instance.setMetadata(Map.of("dubbo.endpoints", "[{\"port\":20880}]", "version", "1.0"));
        provider.registerInstance("orders", instance);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !pushes.isEmpty() && pushes.get(pushes.size() - 1).size() == 1);
        Instance seen = pushes.get(pushes.size() - 1).get(0);
        assertThat(seen.getIp()).isEqualTo("10.0.0.7");
        assertThat(seen.getPort()).isEqualTo(20880);
        assertThat(seen.getMetadata()).containsEntry("version", "1.0").containsKey("dubbo.endpoints");
        assertThat(seen.getClusterName()).isEqualTo("DEFAULT");
        assertThat(consumer.getAllInstances("orders", false)).hasSize(1);

        provider.deregisterInstance("orders", "10.0.0.7", 20880);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> pushes.get(pushes.size() - 1).isEmpty());
        assertThat(consumer.getAllInstances("orders", false)).isEmpty();
    }

    @Test
    void shouldKeepNamespacesGroupsAndClustersApart() throws Exception {
        NamingService inPublic = clients.naming();
        NamingService inDev = clients.naming("dev");
        inPublic.registerInstance("inventory", "GROUP_A", "10.0.0.1", 1, "east");
        inPublic.registerInstance("inventory", "GROUP_B", "10.0.0.2", 2, "west");
        inDev.registerInstance("inventory", "GROUP_A", "10.0.0.3", 3);

        NamingService reader = clients.naming();
        assertThat(reader.getAllInstances("inventory", "GROUP_A", false))
                .extracting(Instance::getIp)
                .containsExactly("10.0.0.1");
        assertThat(reader.getAllInstances("inventory", "GROUP_B", false))
                .extracting(Instance::getIp)
                .containsExactly("10.0.0.2");
        assertThat(reader.getAllInstances("inventory", "GROUP_A", List.of("west"), false))
                .isEmpty();
        assertThat(reader.getAllInstances("inventory", "GROUP_A", List.of("east"), false))
                .hasSize(1);
        NamingService devReader = clients.naming("dev");
        assertThat(devReader.getAllInstances("inventory", "GROUP_A", false))
                .extracting(Instance::getIp)
                .containsExactly("10.0.0.3");

        ListView<String> services = reader.getServicesOfServer(1, 100, "GROUP_A");
        assertThat(services.getData()).contains("inventory");
        assertThat(services.getCount()).isEqualTo(services.getData().size());
    }

    @Test
    void shouldReplaceAClientsInstancesOnBatchRegistration() throws Exception {
        NamingService provider = clients.naming();
        NamingService reader = clients.naming();
        provider.batchRegisterInstance(
                "batch",
                "DEFAULT_GROUP",
                List.of(instance("10.1.0.1", 1), instance("10.1.0.2", 2), instance("10.1.0.3", 3)));
        assertThat(reader.getAllInstances("batch", false)).hasSize(3);

        provider.batchRegisterInstance("batch", "DEFAULT_GROUP", List.of(instance("10.1.0.4", 4)));
        assertThat(reader.getAllInstances("batch", false))
                .extracting(Instance::getIp)
                .containsExactly("10.1.0.4");
    }

    @Test
    void shouldDropTheInstancesOfAClientWhoseJvmIsKilled() throws Exception {
        NamingService subscriber = clients.naming();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        subscriber.subscribe(
                "doomed",
                (Event event) -> sizes.add(((NamingEvent) event).getInstances().size()));

        try (ChildJvm child = ChildJvm.start(
                "register", RegisterInstanceMain.class, server.address(), "doomed", "10.2.0.1", "8080")) {
            child.awaitOutput("REGISTERED doomed", Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).until(() -> !sizes.isEmpty() && sizes.get(sizes.size() - 1) == 1);

            long killedAt = System.nanoTime();
            child.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> sizes.get(sizes.size() - 1) == 0);
            System.out.printf(
                    "instance of killed JVM gone from subscriber after %d ms%n",
                    (System.nanoTime() - killedAt) / 1_000_000);
        }
        assertThat(subscriber.getAllInstances("doomed", false)).isEmpty();
    }

    private static Instance instance(String ip, int port) {
        Instance instance = new Instance();
        instance.setIp(ip);
        instance.setPort(port);
        return instance;
    }
}
