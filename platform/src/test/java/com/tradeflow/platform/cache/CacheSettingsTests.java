package com.tradeflow.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheSettingsTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void shouldRefuseLifetimesAndJitterThatCannotWork() {
        assertThatThrownBy(() -> new CacheSettings(Duration.ZERO, 0.2, MINUTE, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheSettings(MINUTE, 1.0, MINUTE, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheSettings(MINUTE, -0.1, MINUTE, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheSettings(MINUTE, 0.2, MINUTE, Duration.ZERO, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CacheSettings(MINUTE, 0, MINUTE, MINUTE, MINUTE).ttlJitter())
                .isZero();
    }

    @Test
    void shouldKeepEachCachesKeysUnderItsOwnName() {
        CacheKeys products = CacheKeys.PRODUCTS;
        assertThat(products.value(3)).isEqualTo("tradeflow:cache:products:3");
        assertThat(products.generation(3)).isEqualTo("tradeflow:cache:products:3:gen");
        assertThat(products.writers(3)).isEqualTo("tradeflow:cache:products:3:writers");
        assertThat(products.pattern()).isEqualTo("tradeflow:cache:products:*");
        assertThatThrownBy(() -> new CacheKeys("Products:*")).isInstanceOf(IllegalArgumentException.class);
    }
}
