package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.nacos.api.naming.NamingService;
import com.tradeflow.nacos.devserver.naming.ServiceKey;
import com.tradeflow.nacos.devserver.support.ChildJvm;
import com.tradeflow.nacos.devserver.support.NacosClients;
import com.tradeflow.nacos.devserver.support.RegisterInstanceMain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs with its TCP connection still open (SIGSTOP) sends no health checks and answers no
 * detection request: the server drops its connection and its instances on its own.
 */
class DeadConnectionIT {

    private static final ServiceKey FROZEN = ServiceKey.of("public", "DEFAULT_GROUP", "frozen");

    @Test
    void shouldDropTheInstancesOfAClientThatStopsAnswering() throws Exception {
        try (NacosDevServer server = NacosDevServer.start(DevServerOptions.defaults()
                        .withPort(0)
                        .withConnectionDetection(Duration.ofSeconds(8), Duration.ofSeconds(2)));
                NacosClients clients = new NacosClients(server.address());
                ChildJvm child = ChildJvm.start(
                        "frozen", RegisterInstanceMain.class, server.address(), "frozen", "10.4.0.1", "9000")) {
            child.awaitOutput("REGISTERED frozen", Duration.ofSeconds(60));
            NamingService observer = clients.naming();
            assertThat(observer.getAllInstances("frozen", false)).hasSize(1);

            // alive and idle past the detection period: its health checks keep it registered
            Thread.sleep(10_000);
            assertThat(server.naming().serviceInfo(FROZEN, "", false).getHosts())
                    .hasSize(1);

            child.freeze();
            long frozenAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.naming()
                            .serviceInfo(FROZEN, "", false)
                            .getHosts()
                            .isEmpty());
            System.out.printf(
                    "frozen client's instance dropped after %d ms%n", (System.nanoTime() - frozenAt) / 1_000_000);
            assertThat(observer.getAllInstances("frozen", false)).isEmpty();
            child.thaw();
        }
    }
}
