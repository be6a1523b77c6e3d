package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NacosDevServerMainTests {

    @Test
    void shouldDefaultToPort8848InMemoryOnLoopback() {
        DevServerOptions options = NacosDevServerMain.parse(new String[0]);
        assertThat(options.port()).isEqualTo(8848);
        assertThat(options.dataDir()).isNull();
        assertThat(options.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldReadPortAndDataDir() {
        DevServerOptions options = NacosDevServerMain.parse(new String[] {"--port", "18848", "--data-dir", "/tmp/x"});
        assertThat(options.port()).isEqualTo(18848);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void shouldRefuseBadArguments() {
        assertThatThrownBy(() -> NacosDevServerMain.parse(new String[] {"--port"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> NacosDevServerMain.parse(new String[] {"--port", "x"}))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> NacosDevServerMain.parse(new String[] {"--port", "65000"}))
                .hasMessageContaining("between");
        assertThatThrownBy(() -> NacosDevServerMain.parse(new String[] {"--verbose"}))
                .hasMessageContaining("unknown argument");
        assertThat(NacosDevServerMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void shouldNameThePortWhenItIsTaken() {
        try (NacosDevServer first =
                NacosDevServer.start(DevServerOptions.defaults().withPort(0))) {
            assertThatThrownBy(() ->
                            NacosDevServer.start(DevServerOptions.defaults().withPort(first.httpPort())))
                    .isInstanceOf(NacosDevServer.PortInUseException.class)
                    .hasMessageContaining(String.valueOf(first.httpPort()));
        }
    }
}
