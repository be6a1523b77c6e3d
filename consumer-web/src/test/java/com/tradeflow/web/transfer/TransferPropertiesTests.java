package com.tradeflow.web.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransferPropertiesTests {

    @Test
    void shouldGiveTheCallTimeoutInMillis() {
        assertThat(new TransferProperties(Duration.ofSeconds(12)).callTimeoutMillis())
                .isEqualTo(12_000);
    }

    @Test
    void shouldRefuseAMissingOrNonPositiveCallTimeout() {
        assertThatThrownBy(() -> new TransferProperties(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferProperties(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferProperties(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
