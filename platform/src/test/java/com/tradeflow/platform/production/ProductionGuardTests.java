package com.tradeflow.platform.production;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionGuardTests {

    @Test
    void shouldRefuseTheProdProfileWithAFaultSwitchOrTheLocalModeOn() {
        assertThatThrownBy(() -> ProductionGuard.check(environment("prod", Map.of("tradeflow.faults.enabled", "true"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRADEFLOW_FAULTS_ENABLED");
        assertThatThrownBy(() -> ProductionGuard.check(environment(
                        "prod", Map.of("tradeflow.benchmark.local-mode", "true", "tradeflow.faults.enabled", "false"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRADEFLOW_BENCHMARK_LOCAL_MODE")
                .hasMessageNotContaining("TRADEFLOW_FAULTS_ENABLED");
    }

    @Test
    void shouldLetTheProdProfileStartWithTheSwitchesOffAndOtherProfilesWithThemOn() {
        assertThatCode(() -> ProductionGuard.check(environment("prod", Map.of("tradeflow.faults.enabled", "false"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionGuard.check(environment(
                        "local", Map.of("tradeflow.faults.enabled", "true", "tradeflow.benchmark.local-mode", "true"))))
                .doesNotThrowAnyException();
    }

    private static StandardEnvironment environment(String profile, Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profile);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
