package com.tradeflow.nacos.devserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.nacos.api.exception.NacosException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTests {

    private static final ConfigKey KEY = ConfigKey.of("", "G", "app.properties");

    @Test
    void shouldWriteWithCasOnlyWhenAbsentOrMd5Matches() {
        ConfigStore store = new ConfigStore(null);
        assertThat(store.publish(KEY, "one", null, "0")).isTrue();
        assertThat(store.publish(KEY, "two", null, "0")).isFalse();
        assertThat(store.get(KEY))
                .hasValueSatisfying(i -> assertThat(i.content()).isEqualTo("one"));
        assertThat(store.publish(KEY, "two", null, ConfigItem.md5Of("one"))).isTrue();
        assertThat(store.md5(KEY)).isEqualTo(ConfigItem.md5Of("two"));
    }

    @Test
    void shouldNotifyOnlyWhenContentChangesOrIsRemoved() {
        ConfigStore store = new ConfigStore(null);
        List<ConfigKey> changes = new ArrayList<>();
        store.onChange(changes::add);
        store.publish(KEY, "one", null, null);
        store.publish(KEY, "one", null, null);
        store.remove(KEY);
        store.remove(KEY);
        assertThat(changes).containsExactly(KEY, KEY);
    }

    @Test
    void shouldTreatPublicAndEmptyTenantAsOneNamespace() {
        ConfigStore store = new ConfigStore(null);
        store.publish(ConfigKey.of("public", "G", "x"), "v", null, null);
        assertThat(store.get(ConfigKey.of("", "G", "x"))).isPresent();
        assertThat(store.get(ConfigKey.of(null, "G", "x"))).isPresent();
        assertThat(store.md5(ConfigKey.of("dev", "G", "x"))).isEmpty();
    }

    @Test
    void shouldReloadWhatWasSnapshottedAndForgetWhatWasRemoved(@TempDir Path dir) throws Exception {
        ConfigStore first = new ConfigStore(dir);
        first.publish(KEY, "kept", "properties", null);
        first.publish(ConfigKey.of("dev", "G", "gone"), "soon", null, null);
        first.remove(ConfigKey.of("dev", "G", "gone"));
        Files.writeString(dir.resolve("config").resolve("broken.json"), "{not json");

        ConfigStore second = new ConfigStore(dir);
        assertThat(second.size()).isEqualTo(1);
        assertThat(second.get(KEY)).hasValueSatisfying(i -> {
            assertThat(i.content()).isEqualTo("kept");
            assertThat(i.type()).isEqualTo("properties");
            assertThat(i.md5()).isEqualTo(ConfigItem.md5Of("kept"));
        });
    }

    @Test
    void shouldRefuseNamesThatCouldEscapeTheDataDirectory() {
        assertThatThrownBy(() -> ConfigRules.key("", "G", "../x")).isInstanceOf(NacosException.class);
        assertThatThrownBy(() -> ConfigRules.key("", "a/b", "x")).isInstanceOf(NacosException.class);
        assertThatThrownBy(() -> ConfigRules.key("../t", "G", "x")).isInstanceOf(NacosException.class);
    }

    @Test
    void shouldRefuseBlankOrOversizeContent() throws NacosException {
        assertThatThrownBy(() -> ConfigRules.checkContent(" ")).isInstanceOf(NacosException.class);
        assertThatThrownBy(() -> ConfigRules.checkContent("é".repeat(ConfigRules.MAX_CONTENT_BYTES / 2 + 1)))
                .isInstanceOf(NacosException.class)
                .hasMessageContaining("too large");
        ConfigRules.checkContent("x".repeat(ConfigRules.MAX_CONTENT_BYTES));
    }
}
