package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.nacos.api.naming.pojo.Instance;
import com.tradeflow.nacos.devserver.config.ConfigKey;
import com.tradeflow.nacos.devserver.naming.ServiceKey;
import com.tradeflow.nacos.devserver.support.ChildJvm;
import com.tradeflow.nacos.devserver.support.SeataClientProbeMain;
import com.tradeflow.seata.config.SeataServerOptions;
import com.tradeflow.seata.config.SeataServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Seata TC (seata-server 2.0.0 with its nacos-client 1.4, over HTTP) registers in the dev server and
 * reads its config there; a Seata 2.5 client (nacos-client 2.5, gRPC) finds it through the registry name and
 * runs a global transaction against it. A graceful stop deregisters the TC.
 */
class SeataOverNacosIT {

    private static final ServiceKey TC = ServiceKey.of("public", "SEATA_GROUP", "seata-server");

    @TempDir
    static Path work;

    private static NacosDevServer nacos;
    private static SeataServerProcess tc;

    @BeforeAll
    static void start() throws IOException {
        nacos = NacosDevServer.start(DevServerOptions.defaults().withPort(0));
        nacos.configs()
                .publish(
                        ConfigKey.of("", "SEATA_GROUP", "seataServer.properties"),
                        "store.mode=file\nserver.undo.logSaveDays=7\n",
                        "properties",
                        null);
        nacos.configs()
                .publish(
                        ConfigKey.of("", "SEATA_GROUP", "seata-client.properties"),
                        "service.vgroupMapping.tradeflow_tx_group=default\n",
                        "properties",
                        null);
        tc = SeataServerProcess.start(SeataServerOptions.of(Path.of(System.getProperty("seata.server.lib")), work)
                .withPorts(freePort(), freePort())
                .withNacos(nacos.address())
                // the build runs these beside e2e's stack start: half the CPU for a TC that lives seconds
                .withQuickStart(true));
    }

    @AfterAll
    static void stop() {
        if (tc != null) {
            tc.close();
        }
        nacos.close();
    }

    @Test
    void shouldLetASeataClientRunAGlobalTransactionOnTheTcItFoundInTheRegistry() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !tcInstances().isEmpty());
        Instance registered = tcInstances().get(0);
        assertThat(registered.getPort()).isEqualTo(tc.rpcPort());
        assertThat(registered.getClusterName()).isEqualTo("default");

        try (ChildJvm client = ChildJvm.start(
                "seata-client",
                SeataClientProbeMain.class,
                nacos.address(),
                "tradeflow_tx_group",
                "seata-client.properties")) {
            assertThat(client.awaitExit(Duration.ofSeconds(120)))
                    .as("client output:%n%s", client.tail())
                    .isZero();
            // without branches the TC finishes the commit asynchronously; when its asynchronous pass has already
            // ended the session by the time the commit answers, it reports Finished (seen once in a full build)
            assertThat(client.output())
                    .containsPattern("GLOBAL TX \\S+:" + tc.rpcPort() + ":\\d+ (Committed|AsyncCommitting|Finished)");
        }
    }

    @Test
    void shouldDeregisterTheTcWhenItStopsGracefully() throws Exception {
        // runs against its own TC so the other test keeps the shared one
        try (SeataServerProcess second = SeataServerProcess.start(
                SeataServerOptions.of(Path.of(System.getProperty("seata.server.lib")), work.resolve("second"))
                        .withPorts(freePort(), freePort())
                        .withNacos(nacos.address())
                        .withQuickStart(true))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tcInstances().stream().anyMatch(i -> i.getPort() == second.rpcPort()));
            second.close();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> tcInstances().stream().noneMatch(i -> i.getPort() == second.rpcPort()));
        }
    }

    private static List<Instance> tcInstances() {
        return nacos.naming().serviceInfo(TC, "", false).getHosts();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
