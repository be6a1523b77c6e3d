package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardScopeTests {

    @Test
    void shouldBindTheKeyForTheWorkOnly() {
        assertThat(ShardScope.call(7, () -> ShardScope.current().getAsLong())).isEqualTo(7);
        assertThat(ShardScope.current()).isEmpty();
    }

    @Test
    void shouldNestScopesOfTheSameKey() {
        ShardScope.run(7, () -> {
            ShardScope.enter(7);
            ShardScope.exit();
            assertThat(ShardScope.current()).hasValue(7);
        });
        assertThat(ShardScope.current()).isEmpty();
    }

    @Test
    void shouldRefuseWorkAboutAnotherKeyInsideAScope() {
        ShardScope.run(
                7,
                () -> assertThatThrownBy(() -> ShardScope.run(8, () -> {}))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("key 7")
                        .hasMessageContaining("key 8"));
        assertThat(ShardScope.current()).isEmpty();
    }

    @Test
    void shouldUnbindWhenTheWorkFails() {
        assertThatThrownBy(() -> ShardScope.run(7, () -> {
                    throw new IllegalArgumentException("boom");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ShardScope.current()).isEmpty();
    }
}
