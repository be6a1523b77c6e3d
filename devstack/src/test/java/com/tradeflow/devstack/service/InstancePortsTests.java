package com.tradeflow.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstancePortsTests {

    private static final InstancePorts WEB = new InstancePorts(8080, 9080, 0, 8721);
    private static final InstancePorts ACCOUNT = new InstancePorts(8082, 8082, 20882, 8723);

    @Test
    void shouldKeepTheConfiguredPortsForTheFirstInstance() {
        assertThat(ACCOUNT.forInstance(1, 100, () -> {
                    throw new AssertionError("the first instance takes no free port");
                }))
                .isEqualTo(ACCOUNT);
    }

    @Test
    void shouldMoveEveryPortByTheStepPerInstance() {
        assertThat(ACCOUNT.forInstance(2, 100, () -> 0)).isEqualTo(new InstancePorts(8182, 8182, 20982, 8823));
        assertThat(WEB.forInstance(3, 100, () -> 0)).isEqualTo(new InstancePorts(8280, 9280, 0, 8921));
    }

    @Test
    void shouldTakeFreePortsWithoutAStepAndKeepAProvidersActuatorOnItsHttpPort() {
        AtomicInteger next = new AtomicInteger(40_000);

        InstancePorts account = ACCOUNT.forInstance(2, 0, next::incrementAndGet);
        InstancePorts web = WEB.forInstance(2, 0, next::incrementAndGet);

        assertThat(account).isEqualTo(new InstancePorts(40_001, 40_001, 40_002, 40_003));
        assertThat(web).isEqualTo(new InstancePorts(40_004, 40_005, 0, 40_006));
        assertThat(web.servesDubbo()).isFalse();
    }
}
