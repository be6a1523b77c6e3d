package com.tradeflow.devstack.infra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTests {

    @Test
    void shouldNameThePortWhatWantedItAndTheVariableWhenItIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(port, "consumer-web HTTP", "WEB_PORT"))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining("consumer-web HTTP")
                    .hasMessageContaining("WEB_PORT");
        }
    }

    @Test
    void shouldPassAFreePort() {
        int port = Ports.free();
        assertThatCode(() -> Ports.requireFree(port, "x", "X_PORT")).doesNotThrowAnyException();
    }
}
