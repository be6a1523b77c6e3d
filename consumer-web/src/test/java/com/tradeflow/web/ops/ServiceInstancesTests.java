package com.tradeflow.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.naming.pojo.Instance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the console makes of an instance's registry entry (its metadata is the instance's word, not checked). */
class ServiceInstancesTests {

    @Test
    void anActuatorBoundToItsOwnAddressIsAskedThereAndOneOnEveryInterfaceAtTheInstancesAddress() {
        ServiceInstances.Member bound = ServiceInstances.member(instance(Map.of(
                "management.port",
                "8081",
                "management.address",
                "127.0.0.1",
                "version",
                "0.1.0 (built 2026-12-06T14:00:00Z)")));
        assertThat(bound.address()).isEqualTo("192.0.2.2:20881");
        assertThat(bound.managementIp()).isEqualTo("127.0.0.1");
        assertThat(bound.managementPort()).isEqualTo(8081);
        assertThat(bound.version()).isEqualTo("0.1.0 (built 2026-12-06T14:00:00Z)");

        ServiceInstances.Member everywhere =
                ServiceInstances.member(instance(Map.of("management.port", "8081", "management.address", "0.0.0.0")));
        assertThat(everywhere.managementIp()).isEqualTo("192.0.2.2");
        assertThat(everywhere.version()).isNull();
    }

    @Test
    void aPortThatIsNoPortMeansTheActuatorIsNotAsked() {
        assertThat(ServiceInstances.member(instance(Map.of("management.port", "80/../x")))
                        .managementPort())
                .isZero();
        assertThat(ServiceInstances.member(instance(Map.of())).managementPort()).isZero();
    }

    private static Instance instance(Map<String, String> metadata) {
        Instance instance = new Instance();
        instance.setIp("192.0.2.2");
        instance.setPort(20881);
        instance.setHealthy(true);
        instance.setMetadata(metadata);
        return instance;
    }
}
