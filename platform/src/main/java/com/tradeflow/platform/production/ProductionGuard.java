package com.tradeflow.platform.production;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service in the {@code prod} profile with a switch that is for tests and benchmarks only: the
 * fault switches (unauthenticated holds and failures on the service's HTTP port) and the purchase mode without a
 * global transaction. Runs before anything connects, so a wrong deployment stops at once with the reason, instead
 * of serving with a door open.
 */
public final class ProductionGuard implements EnvironmentPostProcessor {

    static final String PROFILE = "prod";
    /** Property to the variable that usually sets it, for the message. */
    private static final Map<String, String> TEST_ONLY_SWITCHES = Map.of(
            "tradeflow.faults.enabled", "TRADEFLOW_FAULTS_ENABLED",
            "tradeflow.benchmark.local-mode", "TRADEFLOW_BENCHMARK_LOCAL_MODE");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    /** @throws IllegalStateException the prod profile is active with a test-only switch on */
    static void check(Environment environment) {
        if (!List.of(environment.getActiveProfiles()).contains(PROFILE)) {
            return;
        }
        List<String> on = TEST_ONLY_SWITCHES.entrySet().stream()
                .filter(e -> environment.getProperty(e.getKey(), Boolean.class, false))
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .sorted()
                .toList();
        if (!on.isEmpty()) {
            throw new IllegalStateException("refusing to start with the prod profile: " + String.join(", ", on)
                    + " must be off in production (fault switches and the LOCAL purchase mode are for tests and "
                    + "benchmarks only)");
        }
    }
}
