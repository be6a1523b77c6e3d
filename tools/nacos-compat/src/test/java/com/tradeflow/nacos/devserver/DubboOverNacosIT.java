package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.nacos.devserver.support.ChildJvm;
import com.tradeflow.nacos.devserver.support.DubboConsumerMain;
import com.tradeflow.nacos.devserver.support.DubboProviderMain;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Dubbo 3.3 provider and consumer, each in its own JVM, find each other through the dev server as registry,
 * config center and metadata report ({@code nacos://}), and call.
 */
class DubboOverNacosIT {

    private static NacosDevServer server;

    @BeforeAll
    static void start() {
        server = NacosDevServer.start(DevServerOptions.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldLetAConsumerJvmCallAProviderJvmFoundThroughTheDevServer() throws Exception {
        try (ChildJvm provider = ChildJvm.start("dubbo-provider", DubboProviderMain.class, server.address())) {
            provider.awaitOutput("PROVIDER READY", Duration.ofSeconds(90));
            try (ChildJvm consumer = ChildJvm.start("dubbo-consumer", DubboConsumerMain.class, server.address())) {
                assertThat(consumer.awaitExit(Duration.ofSeconds(90)))
                        .as("consumer exit code; output:%n%s", consumer.tail())
                        .isZero();
                assertThat(consumer.output()).contains("ANSWER hello tradeflow from provider");
            }
            // the provider published its service-name mapping with CAS, as on a real server
            assertThat(server.configs()
                            .get(com.tradeflow.nacos.devserver.config.ConfigKey.of(
                                    "", "mapping", "com.tradeflow.nacos.devserver.support.GreetingService")))
                    .hasValueSatisfying(item -> assertThat(item.content()).contains("devserver-it-provider"));
        }
    }
}
