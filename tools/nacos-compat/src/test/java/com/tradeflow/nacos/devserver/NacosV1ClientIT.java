package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.nacos.api.naming.pojo.Instance;
import com.tradeflow.nacos.devserver.config.ConfigKey;
import com.tradeflow.nacos.devserver.naming.ServiceKey;
import com.tradeflow.nacos.devserver.support.ChildJvm;
import com.tradeflow.nacos.devserver.support.NacosV1ClientProbeMain;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nacos-client 1.4.6 (the one the Seata TC ships, HTTP v1 only) in its own JVM: config publish, get and
 * long-poll listening; instance registration kept alive by beats, and dropped once the JVM is killed.
 */
class NacosV1ClientIT {

    private static final ServiceKey PROBE = ServiceKey.of("public", "DEFAULT_GROUP", "v1-probe-svc");
    private static NacosDevServer server;

    @BeforeAll
    static void start() {
        server = NacosDevServer.start(DevServerOptions.defaults()
                .withPort(0)
                .withHeartbeatTimeouts(Duration.ofSeconds(7), Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldServeTheOneFourClientOverHttp() throws Exception {
        try (ChildJvm probe =
                ChildJvm.start("nacos-1.4-client", v1ClassPath(), NacosV1ClientProbeMain.class, server.address())) {
            probe.awaitOutput("READY UP", Duration.ofSeconds(60));
            assertThat(probe.output()).contains("PUBLISHED true", "GOT one");
            assertThat(probeInstances()).extracting(Instance::getIp).containsExactly("10.9.0.1");

            // a change made elsewhere reaches its long poll
            server.configs().publish(ConfigKey.of("", "G", "v1.probe"), "two", "text", null);
            probe.awaitOutput("CHANGED two", Duration.ofSeconds(10));

            // it reads instances registered by others
            Instance peer = new Instance();
            peer.setIp("10.9.0.2");
            peer.setPort(7001);
            server.naming().upsert(ServiceKey.of("public", "DEFAULT_GROUP", "v1-peer-svc"), "persistent", peer, false);
            probe.awaitOutput("SEES 1 PEERS", Duration.ofSeconds(15));

            // beats (every 5 s) keep its instance alive past the 7 s heart-beat timeout
            Thread.sleep(9000);
            assertThat(probeInstances())
                    .singleElement()
                    .satisfies(i -> assertThat(i.isHealthy()).isTrue());

            probe.kill();
            await().atMost(Duration.ofSeconds(16)).until(() -> probeInstances().isEmpty());
        }
    }

    private static List<Instance> probeInstances() {
        return server.naming().serviceInfo(PROBE, "", false).getHosts();
    }

    /** nacos-client 1.4.6 and its dependencies, as copied for the Seata TC, plus the probe class. */
    private static String v1ClassPath() {
        Path lib = Path.of(System.getProperty("seata.server.lib"));
        Path testClasses = Path.of(NacosV1ClientProbeMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        return testClasses + File.pathSeparator + lib.toAbsolutePath() + "/*";
    }
}
