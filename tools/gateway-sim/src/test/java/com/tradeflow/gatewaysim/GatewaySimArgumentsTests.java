package com.tradeflow.gatewaysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySimArgumentsTests {

    private static final String[] CREDENTIALS = {"--api-key", "k", "--secret", "s", "--admin-token", "t"};

    @Test
    void shouldDefaultToPort8090OnLoopbackWithoutFaults() {
        GatewaySimOptions options = GatewaySimArguments.parse(CREDENTIALS, Map.of());

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8090);
        assertThat(options.settleDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(options.notifyRetry().initialInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.notifyRetry().maxAttempts()).isEqualTo(8);
        assertThat(options.faults().errorRate()).isZero();
        assertThat(options.faults().timeoutDelayMillis()).isEqualTo(10_000);
    }

    @Test
    void shouldReadEveryOption() {
        GatewaySimOptions options = GatewaySimArguments.parse(
                new String[] {
                    "--port",
                    "18090",
                    "--api-key",
                    "k",
                    "--secret",
                    "s",
                    "--admin-token",
                    "t",
                    "--settle-delay-ms",
                    "20",
                    "--notify-initial-interval-ms",
                    "10",
                    "--notify-max-interval-ms",
                    "80",
                    "--notify-max-attempts",
                    "3",
                    "--notify-timeout-ms",
                    "700",
                    "--error-rate",
                    "0.1",
                    "--timeout-rate",
                    "0.2",
                    "--timeout-delay-ms",
                    "1500",
                    "--latency-ms",
                    "30",
                    "--lost-notification-rate",
                    "0.3",
                    "--duplicate-notification-rate",
                    "0.4",
                    "--out-of-order-rate",
                    "0.5",
                    "--failed-rate",
                    "0.6",
                    "--seed",
                    "42"
                },
                Map.of());

        assertThat(options.port()).isEqualTo(18090);
        assertThat(options.apiKey()).isEqualTo("k");
        assertThat(options.secret()).isEqualTo("s");
        assertThat(options.adminToken()).isEqualTo("t");
        assertThat(options.settleDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.notifyRetry().initialInterval()).isEqualTo(Duration.ofMillis(10));
        assertThat(options.notifyRetry().maxInterval()).isEqualTo(Duration.ofMillis(80));
        assertThat(options.notifyRetry().maxAttempts()).isEqualTo(3);
        assertThat(options.notifyTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(options.faults().asMap())
                .containsEntry("errorRate", 0.1)
                .containsEntry("timeoutRate", 0.2)
                .containsEntry("timeoutDelayMillis", 1500L)
                .containsEntry("latencyMillis", 30L)
                .containsEntry("lostNotificationRate", 0.3)
                .containsEntry("duplicateNotificationRate", 0.4)
                .containsEntry("outOfOrderRate", 0.5)
                .containsEntry("failedRate", 0.6)
                .containsEntry("seed", 42L);
    }

    @Test
    void shouldFallBackToTheEnvironmentAndLetTheCommandLineWin() {
        Map<String, String> env = Map.of(
                "GATEWAY_PORT",
                "9001",
                "GATEWAY_API_KEY",
                "env-key",
                "GATEWAY_SECRET",
                "env-secret",
                "GATEWAY_ADMIN_TOKEN",
                "env-token",
                "GATEWAY_FAILED_RATE",
                "0.5",
                "GATEWAY_SETTLE_DELAY_MS",
                "75");

        GatewaySimOptions options = GatewaySimArguments.parse(new String[] {"--port", "9002"}, env);

        assertThat(options.port()).isEqualTo(9002);
        assertThat(options.apiKey()).isEqualTo("env-key");
        assertThat(options.secret()).isEqualTo("env-secret");
        assertThat(options.adminToken()).isEqualTo("env-token");
        assertThat(options.faults().failedRate()).isEqualTo(0.5);
        assertThat(options.settleDelay()).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void shouldRequireTheCredentialsNamingTheirEnvironmentVariables() {
        assertThatThrownBy(
                        () -> GatewaySimArguments.parse(new String[] {"--secret", "s", "--admin-token", "t"}, Map.of()))
                .hasMessageContaining("--api-key")
                .hasMessageContaining("GATEWAY_API_KEY");
        assertThatThrownBy(() ->
                        GatewaySimArguments.parse(new String[] {"--api-key", "k", "--admin-token", "t"}, Map.of()))
                .hasMessageContaining("GATEWAY_SECRET");
        assertThatThrownBy(() -> GatewaySimArguments.parse(new String[] {"--api-key", "k", "--secret", "s"}, Map.of()))
                .hasMessageContaining("GATEWAY_ADMIN_TOKEN");
    }

    @Test
    void shouldRefuseBadArguments() {
        assertThatThrownBy(() -> parseWith("--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parseWith("--port", "x")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> parseWith("--port", "70000")).hasMessageContaining("between");
        assertThatThrownBy(() -> parseWith("--error-rate", "1.5")).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> parseWith("--failed-rate", "half")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parseWith("--verbose", "1")).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> parseWith("--notify-initial-interval-ms", "100", "--notify-max-interval-ms", "50"))
                .hasMessageContaining("max interval");
        assertThat(GatewaySimArguments.parse(new String[] {"--help"}, Map.of())).isNull();
    }

    @Test
    void shouldLiftTheDefaultCapWhenOnlyALongInitialIntervalIsGiven() {
        GatewaySimOptions options = parseWith("--notify-initial-interval-ms", "60000");

        assertThat(options.notifyRetry().maxInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldNeverShowTheCredentialsInTheOptionsText() {
        GatewaySimOptions options = GatewaySimArguments.parse(
                new String[] {"--api-key", "key-123", "--secret", "secret-456", "--admin-token", "token-789"},
                Map.of());

        assertThat(options.toString()).doesNotContain("key-123", "secret-456", "token-789");
    }

    @Test
    void shouldNameThePortWhenItIsTaken() {
        GatewaySimOptions options = GatewaySimOptions.defaults("k", "s", "t").withPort(0);
        try (GatewaySim first = GatewaySim.start(options)) {
            assertThatThrownBy(() -> GatewaySim.start(options.withPort(first.port())))
                    .isInstanceOf(GatewaySim.PortInUseException.class)
                    .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    private static GatewaySimOptions parseWith(String... extra) {
        String[] args = new String[CREDENTIALS.length + extra.length];
        System.arraycopy(CREDENTIALS, 0, args, 0, CREDENTIALS.length);
        System.arraycopy(extra, 0, args, CREDENTIALS.length, extra.length);
        return GatewaySimArguments.parse(args, Map.of());
    }
}
