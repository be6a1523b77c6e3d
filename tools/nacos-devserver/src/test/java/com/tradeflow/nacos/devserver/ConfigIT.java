package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.exception.NacosException;
import com.tradeflow.nacos.devserver.support.NacosClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nacos-client 2.5.1 config against the dev server, over gRPC. */
class ConfigIT {

    private static final long TIMEOUT_MS = 3000;

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
    void shouldNotifyAListenerInAnotherClientOfPublishAndRemove() throws Exception {
        ConfigService publisher = clients.config();
        ConfigService subscriber = clients.config();
        List<String> received = new CopyOnWriteArrayList<>();
        subscriber.addListener("orders.yml", "APP", new AbstractListener() {
            @Override
            public void receiveConfigInfo(String configInfo) {
                received.add(String.valueOf(configInfo));
            }
        });

        assertThat(publisher.publishConfig("orders.yml", "APP", "limit: 10")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("limit: 10"));
        assertThat(subscriber.getConfig("orders.yml", "APP", TIMEOUT_MS)).isEqualTo("limit: 10");

        assertThat(publisher.publishConfig("orders.yml", "APP", "limit: 20")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("limit: 20"));

        assertThat(publisher.removeConfig("orders.yml", "APP")).isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> received.get(received.size() - 1).equals("null"));
        assertThat(subscriber.getConfig("orders.yml", "APP", TIMEOUT_MS)).isNull();
    }

    @Test
    void shouldHonourCompareAndSetOnPublish() throws Exception {
        ConfigService config = clients.config();
        // Dubbo writes its service mapping this way: create only if absent
        assertThat(config.publishConfigCas("mapping.iface", "mapping", "app-a", "0"))
                .isTrue();
        assertThat(config.publishConfigCas("mapping.iface", "mapping", "app-b", "0"))
                .isFalse();
        assertThat(config.getConfig("mapping.iface", "mapping", TIMEOUT_MS)).isEqualTo("app-a");

        String md5OfA = com.alibaba.nacos.common.utils.MD5Utils.md5Hex("app-a", "UTF-8");
        assertThat(config.publishConfigCas("mapping.iface", "mapping", "app-a,app-b", md5OfA))
                .isTrue();
        assertThat(config.getConfig("mapping.iface", "mapping", TIMEOUT_MS)).isEqualTo("app-a,app-b");
    }

    @Test
    void shouldKeepNamespacesAndGroupsApart() throws Exception {
        ConfigService inPublic = clients.config();
        ConfigService inDev = clients.config("dev");
        assertThat(inPublic.publishConfig("db.properties", "G1", "url=public-g1"))
                .isTrue();
        assertThat(inPublic.publishConfig("db.properties", "G2", "url=public-g2"))
                .isTrue();
        assertThat(inDev.publishConfig("db.properties", "G1", "url=dev-g1")).isTrue();

        assertThat(inPublic.getConfig("db.properties", "G1", TIMEOUT_MS)).isEqualTo("url=public-g1");
        assertThat(inPublic.getConfig("db.properties", "G2", TIMEOUT_MS)).isEqualTo("url=public-g2");
        assertThat(inDev.getConfig("db.properties", "G1", TIMEOUT_MS)).isEqualTo("url=dev-g1");
        assertThat(inDev.getConfig("db.properties", "G2", TIMEOUT_MS)).isNull();
    }

    @Test
    void shouldRefuseAConfigOverTenMegabytesAndKeepServing() throws Exception {
        ConfigService config = clients.config();
        String tooBig = "x".repeat(10 * 1024 * 1024 + 1);
        assertThat(config.publishConfig("big.txt", "G", tooBig)).isFalse();
        assertThat(config.getConfig("big.txt", "G", TIMEOUT_MS)).isNull();

        // the client drops its connection after the refused request and reconnects: on a busy machine that took
        // longer than one request's timeout (seen in CI), so the server is given a few seconds to serve again
        await().atMost(Duration.ofSeconds(15)).until(() -> config.publishConfig("small.txt", "G", "ok"));
        assertThat(config.getConfig("small.txt", "G", TIMEOUT_MS)).isEqualTo("ok");
    }

    @Test
    void shouldKeepConfigsAcrossARestartWithADataDirectory(@TempDir Path dataDir) throws Exception {
        DevServerOptions options = DevServerOptions.defaults().withPort(0).withDataDir(dataDir);
        try (NacosDevServer first = NacosDevServer.start(options);
                NacosClients firstClients = new NacosClients(first.address())) {
            ConfigService config = firstClients.config();
            assertThat(config.publishConfig("seataServer.properties", "SEATA_GROUP", "store.mode=file"))
                    .isTrue();
            assertThat(config.publishConfig("gone.txt", "G", "soon removed")).isTrue();
            assertThat(config.removeConfig("gone.txt", "G")).isTrue();
        }
        try (NacosDevServer second = NacosDevServer.start(options);
                NacosClients secondClients = new NacosClients(second.address())) {
            ConfigService config = secondClients.config();
            assertThat(config.getConfig("seataServer.properties", "SEATA_GROUP", TIMEOUT_MS))
                    .isEqualTo("store.mode=file");
            assertThat(config.getConfig("gone.txt", "G", TIMEOUT_MS)).isNull();
        }
    }
}
