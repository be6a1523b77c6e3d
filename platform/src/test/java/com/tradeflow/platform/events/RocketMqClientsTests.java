package com.tradeflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.junit.jupiter.api.Test;

class RocketMqClientsTests {

    @Test
    void shouldSignWithTheConfiguredAccessKey() {
        EventsProperties properties = properties("orders", "a-secret");

        assertThat(RocketMqClients.signing(properties)).isInstanceOfSatisfying(AclClientRPCHook.class, hook -> {
            assertThat(hook.getSessionCredentials().getAccessKey()).isEqualTo("orders");
            assertThat(hook.getSessionCredentials().getSecretKey()).isEqualTo("a-secret");
        });
        assertThat(properties.toString()).contains("accessKey=orders").doesNotContain("a-secret");
    }

    @Test
    void shouldNotSignWithoutAnAccessKey() {
        assertThat(RocketMqClients.signing(properties(null, null))).isNull();
        assertThat(RocketMqClients.signing(properties(" ", ""))).isNull();
    }

    @Test
    void shouldRefuseAnAccessKeyWithoutItsSecretAndTheOtherWayRound() {
        assertThatThrownBy(() -> properties("orders", null)).hasMessageContaining("ROCKETMQ_SECRET_KEY");
        assertThatThrownBy(() -> properties(null, "a-secret")).hasMessageContaining("ROCKETMQ_ACCESS_KEY");
    }

    private static EventsProperties properties(String accessKey, String secretKey) {
        return new EventsProperties(
                null, null, null, null, null, null, null, null, null, null, accessKey, secretKey, null, null);
    }
}
