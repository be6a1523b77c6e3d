package com.tradeflow.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.bench.BenchMain;
import com.tradeflow.bench.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Whole runs against a fake web API: no stack, no database (--mysql none). */
class ScenarioRunnerTests {

    @TempDir
    Path out;

    @Test
    void shouldSkipLocalOnAStackNotInBenchmarkModeAndReportTheOtherModes() throws Exception {
        try (FakeWebApi api = new FakeWebApi()) {
            StringWriter printed = new StringWriter();

            int exit = run(
                    printed,
                    "purchases",
                    "--url",
                    api.url(),
                    "--mysql",
                    "none",
                    "--modes",
                    "LOCAL,AT,TCC",
                    "--connections",
                    "2",
                    "--warmup",
                    "0s",
                    "--duration",
                    "1s",
                    "--out",
                    out.toString(),
                    "--stack-dir",
                    out.resolve("no-stack").toString());

            assertThat(exit).isEqualTo(CommandLine.ExitCode.OK);
            assertThat(printed.toString())
                    .contains("LOCAL skipped")
                    .contains("TRADEFLOW_BENCHMARK_LOCAL_MODE=true")
                    .contains("| AT |")
                    .contains("| TCC |");
            assertThat(api.orders()).isPositive();
            assertThat(api.placedWithoutIdempotencyKey()).isZero();
            assertThat(api.requestsWithAWrongToken())
                    .as("each request with its user's token")
                    .isZero();
            Path dir = onlyRunDirectory();
            assertThat(Files.readString(dir.resolve(ReportFiles.MARKDOWN)))
                    .contains("| AT |")
                    .contains("| TCC |")
                    .doesNotContain("| LOCAL |");
            List<String> csv = Files.readAllLines(dir.resolve(ReportFiles.CSV));
            assertThat(csv).hasSize(3);
            assertThat(csv.get(1)).startsWith("purchases,AT,place,");
            assertThat(dir.resolve("throughput.png")).exists();
            assertThat(dir.resolve("latency.png")).exists();
        }
    }

    @Test
    void shouldReportCancellationsApartInPlaceCancel() throws Exception {
        try (FakeWebApi api = new FakeWebApi()) {
            StringWriter printed = new StringWriter();

            int exit = run(
                    printed,
                    "place-cancel",
                    "--url",
                    api.url(),
                    "--mysql",
                    "none",
                    "--modes",
                    "AT",
                    "--cancel-share",
                    "1",
                    "--connections",
                    "1",
                    "--warmup",
                    "0s",
                    "--duration",
                    "1s",
                    "--out",
                    out.toString());

            assertThat(exit).isEqualTo(CommandLine.ExitCode.OK);
            assertThat(printed.toString()).contains("Other operations").contains("| AT | cancel |");
        }
    }

    @Test
    void shouldRunAnOpenLoopAtTheRate() throws Exception {
        try (FakeWebApi api = new FakeWebApi()) {
            int exit = run(
                    new StringWriter(),
                    "transfers",
                    "--url",
                    api.url(),
                    "--mysql",
                    "none",
                    "--modes",
                    "XA",
                    "--users",
                    "10",
                    "--rate",
                    "50",
                    "--connections",
                    "2",
                    "--warmup",
                    "0s",
                    "--duration",
                    "2s",
                    "--out",
                    out.toString());

            assertThat(exit).isEqualTo(CommandLine.ExitCode.OK);
            List<String> csv = Files.readAllLines(onlyRunDirectory().resolve(ReportFiles.CSV));
            long transfers = Long.parseLong(csv.get(1).split(",")[3]);
            assertThat(transfers)
                    .as("at most 50/s for 2 s, however fast the answers")
                    .isBetween(1L, 101L);
        }
    }

    @Test
    void shouldFailWhenNoModeHadASuccess() throws Exception {
        try (FakeWebApi api = new FakeWebApi()) {
            StringWriter printed = new StringWriter();
            int exit = run(
                    printed,
                    "purchases",
                    "--url",
                    api.url(),
                    "--mysql",
                    "none",
                    "--modes",
                    "LOCAL",
                    "--warmup",
                    "0s",
                    "--duration",
                    "1s",
                    "--out",
                    out.toString());
            assertThat(exit).as("LOCAL was skipped: nothing measured").isEqualTo(CommandLine.ExitCode.SOFTWARE);
        }
    }

    @Test
    void shouldSayWhenTheStackDoesNotAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Subcommands.commandLine(new BenchMain());
        commandLine.setErr(new PrintWriter(errors));
        commandLine.setOut(new PrintWriter(new StringWriter()));

        int exit = commandLine.execute(
                "purchases",
                "--url",
                "http://127.0.0.1:" + port,
                "--mysql",
                "none",
                "--modes",
                "AT",
                "--warmup",
                "0s",
                "--duration",
                "1s",
                "--out",
                out.toString(),
                "--tokens",
                tokensFile().toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(errors.toString()).startsWith("bench: no answer from the stack");
    }

    @Test
    void shouldSayWhereToSignInWhenNoLocalStackRuns() throws Exception {
        try (FakeWebApi api = new FakeWebApi()) {
            StringWriter errors = new StringWriter();
            CommandLine commandLine = Subcommands.commandLine(new BenchMain());
            commandLine.setErr(new PrintWriter(errors));
            commandLine.setOut(new PrintWriter(new StringWriter()));

            int exit = commandLine.execute(
                    "purchases",
                    "--url",
                    api.url(),
                    "--mysql",
                    "none",
                    "--modes",
                    "AT",
                    "--warmup",
                    "0s",
                    "--duration",
                    "1s",
                    "--out",
                    out.toString(),
                    "--stack-dir",
                    out.resolve("no-stack").toString());

            assertThat(exit).isEqualTo(CommandLine.ExitCode.SOFTWARE);
            assertThat(errors.toString())
                    .contains("sign-in.properties is missing")
                    .contains("--issuer")
                    .contains("--tokens");
            assertThat(api.orders()).isZero();
        }
    }

    @Test
    void shouldSpreadRequestsOverEveryUrlGiven() throws Exception {
        try (FakeWebApi first = new FakeWebApi();
                FakeWebApi second = new FakeWebApi();
                FakeWebApi third = new FakeWebApi()) {
            StringWriter printed = new StringWriter();

            int exit = run(
                    printed,
                    "purchases",
                    "--url",
                    first.url() + "," + second.url(),
                    "--url",
                    third.url(),
                    "--mysql",
                    "none",
                    "--modes",
                    "AT",
                    "--connections",
                    "3",
                    "--warmup",
                    "0s",
                    "--duration",
                    "1s",
                    "--out",
                    out.toString(),
                    "--stack-dir",
                    out.resolve("no-stack").toString());

            assertThat(exit).isEqualTo(CommandLine.ExitCode.OK);
            long all = first.orders() + second.orders() + third.orders();
            // in turn: no instance more than a few requests (those in flight at the end) apart from another
            for (FakeWebApi api : List.of(first, second, third)) {
                assertThat(api.orders()).isCloseTo(all / 3, Offset.offset(3L));
            }
            assertThat(printed.toString()).contains(first.url() + ", " + second.url() + ", " + third.url());
        }
    }

    /** Runs the bench with the fake's tokens of users 1-1000 (the default users). */
    private int run(StringWriter printed, String... args) throws IOException {
        CommandLine commandLine = Subcommands.commandLine(new BenchMain());
        commandLine.setOut(new PrintWriter(printed));
        String[] withTokens = Arrays.copyOf(args, args.length + 2);
        withTokens[args.length] = "--tokens";
        withTokens[args.length + 1] = tokensFile().toString();
        return commandLine.execute(withTokens);
    }

    private Path tokensFile() throws IOException {
        Path file = out.resolve("tokens.properties");
        if (!Files.exists(file)) {
            Files.write(
                    file,
                    LongStream.rangeClosed(1, 1000)
                            .mapToObj(user -> user + "=" + FakeWebApi.tokenOf(user))
                            .toList());
        }
        return file;
    }

    private Path onlyRunDirectory() throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            List<Path> runs = dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().equals("no-stack"))
                    .toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }
}
