package com.tradeflow.nacos.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.nacos.devserver.config.ConfigKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigHttpApiTests {

    @Test
    void shouldParseTheListeningConfigsOfTheOneXClient() throws BadRequest {
        Map<ConfigKey, ConfigLongPolling.Watched> watched = ConfigHttpApi.parseListening(
                "seataServer.properties\u0002SEATA_GROUP\u0002abc\u0001a\u0002G\u0002\u0002dev\u0001");
        assertThat(watched)
                .containsEntry(
                        ConfigKey.of("", "SEATA_GROUP", "seataServer.properties"),
                        new ConfigLongPolling.Watched(
                                new ConfigKey("", "SEATA_GROUP", "seataServer.properties"), "abc"));
        assertThat(watched.get(ConfigKey.of("dev", "G", "a")).md5()).isEmpty();
    }

    @Test
    void shouldRefuseListeningConfigsWithTheWrongShape() {
        assertThatThrownBy(() -> ConfigHttpApi.parseListening("no-separators")).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> ConfigHttpApi.parseListening("\u0001\u0001")).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> ConfigHttpApi.parseListening("a/b\u0002G\u0002m\u0001"))
                .isInstanceOf(BadRequest.class);
    }
}
