package com.tradeflow.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.bench.BenchMain;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OptionsTests {

    private static PurchasesCommand purchases(String... args) {
        CommandLine.ParseResult parsed = Subcommands.commandLine(new BenchMain())
                .parseArgs(Stream.concat(Stream.of("purchases"), Arrays.stream(args))
                        .toArray(String[]::new));
        return (PurchasesCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void shouldDefaultToTheIssuesBenchmarkOnTheLocalStack() {
        PurchasesCommand command = purchases();

        assertThat(command.target.urls).containsExactly(URI.create("http://127.0.0.1:8080"));
        assertThat(command.target.stackDir).isEqualTo(Path.of(".devstack"));
        assertThat(command.target.mysql).isEqualTo("jdbc:mariadb://127.0.0.1:3306/?user=root");
        assertThat(command.target.out).isEqualTo(Path.of("bench/results"));
        assertThat(command.modes).containsExactly("LOCAL", "AT", "TCC", "XA");
        assertThat(command.load.plan().connections()).isEqualTo(16);
        assertThat(command.load.plan().duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(command.load.plan().warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(command.load.plan().openLoop()).isFalse();
        assertThat(command.data.data(false).users()).isEqualTo(1000);
        assertThat(command.data.data(false).skus()).isEqualTo(1000);
        assertThat(command.target.actuatorsOrDefault())
                .containsExactly(Map.entry("consumer-web", URI.create("http://127.0.0.1:9080")));
    }

    @Test
    void shouldReadTheDocumentedCommandLine() {
        PurchasesCommand command = purchases(
                "--url",
                "http://127.0.0.1:9090",
                "--modes",
                "AT,TCC",
                "--connections",
                "4",
                "--duration",
                "3s",
                "--warmup",
                "1s",
                "--skus",
                "50",
                "--users",
                "50",
                "--first-user",
                "5001",
                "--first-sku",
                "5001",
                "--hot-sku",
                "--rate",
                "300",
                "--mysql",
                "none",
                "--stack-dir",
                "x",
                "--out",
                "target/r",
                "--actuator",
                "provider-account=http://10.0.0.2:8082");

        assertThat(command.modes).containsExactly("AT", "TCC");
        assertThat(command.load.plan().openLoop()).isTrue();
        assertThat(command.load.plan().ratePerSecond()).hasValue(300);
        assertThat(command.data.data(command.hotSku()).hotSku()).isTrue();
        assertThat(command.data.data(false).firstUser()).isEqualTo(5001);
        assertThat(command.data.data(false).lastSku()).isEqualTo(5050);
        assertThat(command.target.hasDatabase()).isFalse();
        assertThat(command.target.actuatorsOrDefault()).containsOnlyKeys("provider-account");
    }

    @Test
    void shouldHideTheDatabasePasswordInReports() {
        PurchasesCommand command = purchases("--mysql", "jdbc:mariadb://db:3306/?user=bench&password=s3cret&x=1");
        assertThat(command.target.mysqlForReport()).isEqualTo("jdbc:mariadb://db:3306/?user=bench&password=***&x=1");
    }

    @Test
    void shouldRefuseAModeTheScenarioDoesNotHave() {
        assertThat(BenchMain.execute(
                        "place-cancel", "--modes", "LOCAL", "--mysql", "none", "--url", "http://127.0.0.1:1"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("purchases", "--modes", "SAGA", "--mysql", "none"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void shouldRefuseAMissingScenarioAndBadNumbers() {
        assertThat(BenchMain.execute()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("purchases", "--connections", "many")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("purchases", "--users", "0", "--mysql", "none"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("transfers", "--users", "3", "--mysql", "none"))
                .as("a second user per shard")
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("place-cancel", "--cancel-share", "2", "--mysql", "none"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("purchases", "--connections", "0", "--mysql", "none"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(BenchMain.execute("purchases", "--duration", "0s", "--mysql", "none"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void shouldListTheScenarios() {
        assertThat(Subcommands.commandLine(new BenchMain()).getSubcommands().keySet())
                .containsAll(List.of("purchases", "place-cancel", "transfers", "idle"));
    }
}
