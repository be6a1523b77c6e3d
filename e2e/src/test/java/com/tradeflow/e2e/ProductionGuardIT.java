package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service started with the prod profile and a test-only switch on stops at once with the reason, before it
 * connects to anything (no stack needed: nothing runs on the addresses it would use).
 */
class ProductionGuardIT {

    private static final Path ROOT =
            Path.of(System.getProperty("tradeflow.root", "..")).toAbsolutePath().normalize();

    @Test
    void shouldRefuseToStartInProdWithTheFaultSwitchesOn() throws Exception {
        Result result = start("TRADEFLOW_FAULTS_ENABLED");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("refusing to start with the prod profile")
                .contains("TRADEFLOW_FAULTS_ENABLED")
                .doesNotContain("TRADEFLOW_BENCHMARK_LOCAL_MODE");
    }

    @Test
    void shouldRefuseToStartInProdInBenchmarkMode() throws Exception {
        Result result = start("TRADEFLOW_BENCHMARK_LOCAL_MODE");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("refusing to start with the prod profile")
                .contains("TRADEFLOW_BENCHMARK_LOCAL_MODE");
    }

    private static Result start(String switchOn) throws IOException, InterruptedException {
        Path jar = ROOT.resolve("consumer-web/target/consumer-web.jar");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true);
        Path output = Files.createTempFile("prod-guard", ".log");
        builder.redirectOutput(output.toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
        builder.environment().put(switchOn, "true");
        // addresses nothing listens on: a service that got past the guard would fail later, and differently
        builder.environment().put("MYSQL_HOST", "127.0.0.1");
        builder.environment().put("MYSQL_PORT", "1");
        builder.environment().put("NACOS_ADDR", "127.0.0.1:1");
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            assertThat(ended).as("the service stopped on its own").isTrue();
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {}
}
