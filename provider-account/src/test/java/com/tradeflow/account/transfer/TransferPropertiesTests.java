package com.tradeflow.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransferPropertiesTests {

    private static TransferProperties.Xa xa(String name, Duration timeout, Duration maxTimeout) {
        return new TransferProperties.Xa(
                name,
                Path.of("/var/lib/xa"),
                timeout,
                maxTimeout,
                Duration.ofSeconds(5),
                200,
                10,
                Duration.ofSeconds(3));
    }

    @Test
    void shouldKeepEachInstancesLogInADirectoryOfItsName() {
        var settings = xa("account-8082", Duration.ofSeconds(10), Duration.ofSeconds(60))
                .settings();
        assertThat(settings.logDir()).isEqualTo(Path.of("/var/lib/xa/account-8082"));
        assertThat(settings.tmUniqueName()).isEqualTo("account-8082");
    }

    @Test
    void shouldRefuseANameTooLongForAtomikosXaIds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> xa("a".repeat(31), Duration.ofSeconds(10), Duration.ofSeconds(60)));
    }

    @Test
    void shouldRefuseATransactionTimeoutAboveTheMaxTimeout() {
        // recovery would presume a still-running transaction aborted
        assertThatIllegalArgumentException()
                .isThrownBy(() -> xa("account-8082", Duration.ofSeconds(61), Duration.ofSeconds(60)));
    }

    @Test
    void shouldRefuseAMissingLogDirectory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TransferProperties.Xa(
                        "account-8082",
                        null,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(5),
                        200,
                        10,
                        Duration.ofSeconds(3)));
    }
}
