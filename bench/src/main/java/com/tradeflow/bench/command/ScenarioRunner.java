package com.tradeflow.bench.command;

import com.tradeflow.bench.load.Answer;
import com.tradeflow.bench.load.ApacheHttpTransport;
import com.tradeflow.bench.load.HttpTransport;
import com.tradeflow.bench.load.IdempotencyKeys;
import com.tradeflow.bench.load.LoadGenerator;
import com.tradeflow.bench.load.LoadPlan;
import com.tradeflow.bench.load.LoadResult;
import com.tradeflow.bench.load.UserTokens;
import com.tradeflow.bench.probe.CompilerThreads;
import com.tradeflow.bench.probe.OutboxBacklogProbe;
import com.tradeflow.bench.probe.StackProbes;
import com.tradeflow.bench.probe.WindowUsage;
import com.tradeflow.bench.report.BenchReport;
import com.tradeflow.bench.report.Charts;
import com.tradeflow.bench.report.CsvReport;
import com.tradeflow.bench.report.MarkdownReport;
import com.tradeflow.bench.report.ModeResult;
import com.tradeflow.bench.report.ReportFiles;
import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * One run of a load scenario: set up the data, check that the stack answers (and which modes it takes), then per
 * mode a warm-up and a measured window with the probes read at its edges, then the report, printed and written.
 */
final class ScenarioRunner {

    /** A BAD_REQUEST to a mode that needs benchmark mode: the stack was not started for benchmarks. */
    private static final int REFUSED_MODE = 400;
    /** Below this share of the asked rate, an open loop did not get its load through. */
    private static final double RATE_REACHED_SHARE = 0.9;
    /**
     * An outbox row older than this when a window ends: the relay did not keep up (it sends every 200 ms while rows
     * wait, and wakes at most 2 s after a row written elsewhere).
     */
    private static final double RELAY_BEHIND_SECONDS = 5;

    private final PrintWriter out;

    ScenarioRunner(PrintWriter out) {
        this.out = out;
    }

    int run(ScenarioCommand command, Scenario scenario, BenchData data, LoadPlan plan)
            throws InterruptedException, IOException {
        LocalDateTime startedAt = LocalDateTime.now();
        String samplePrefix = IdempotencyKeys.newRunPrefix();
        TargetOptions target = command.target;
        List<String> modes = validModes(command, scenario);
        List<String> notes = new ArrayList<>();

        if (target.hasDatabase() && !command.data.skipSetup) {
            Setup.ensure(target, data, out);
        }
        UserTokens tokens = Setup.tokens(target, data, out);
        Optional<CompilerThreads> compilers = Probes.compilerThreads(target);
        if (compilers.isEmpty() && !command.load.maxWarmup.isZero()) {
            notes.add("The JIT of a stack that is not on this machine cannot be watched: each mode warmed up for "
                    + "--warmup only.");
        }
        try (StackProbes probes = Probes.open(target, out);
                HttpTransport transport =
                        new ApacheHttpTransport(target.urls, target.timeout, plan.connections(), tokens)) {
            if (Probes.benchIsPartOfStack(target)) {
                notes.add("The bench runs inside the stack's devstack JVM: that process's CPU includes the load "
                        + "generator's.");
            }
            List<ModeResult> results = new ArrayList<>();
            for (String mode : modes) {
                if (takesMode(scenario, mode, transport, samplePrefix, notes)) {
                    JitSettling jit = new JitSettling(
                            () -> compilers.map(CompilerThreads::millis).orElse(0.0),
                            System::nanoTime,
                            compilers.isEmpty() ? Duration.ZERO : command.load.maxWarmup,
                            out,
                            mode);
                    results.add(runMode(scenario, mode, plan, target, transport, probes, jit, notes));
                }
            }
            BenchReport report = new BenchReport(
                    scenario.name(),
                    scenario.unit(),
                    startedAt,
                    settings(command, data, plan, modes),
                    probes.cpuSource(),
                    results,
                    notes);
            write(report, target.out, startedAt);
            return results.isEmpty() || results.stream().anyMatch(r -> r.successes() == 0)
                    ? CommandLine.ExitCode.SOFTWARE
                    : CommandLine.ExitCode.OK;
        }
    }

    private static List<String> validModes(ScenarioCommand command, Scenario scenario) {
        List<String> modes = command.modes().stream()
                .map(m -> m.trim().toUpperCase(Locale.ROOT))
                .toList();
        for (String mode : modes) {
            if (!scenario.modes().contains(mode)) {
                throw new CommandLine.ParameterException(
                        command.spec.commandLine(),
                        "mode " + mode + " is not one of " + scenario.name() + "'s: "
                                + String.join(", ", scenario.modes()));
            }
        }
        return modes;
    }

    /**
     * Sends the scenario's sample request in this mode: no answer at all ends the run; a mode that needs
     * benchmark mode and is refused is skipped, with how to start the stack for it.
     */
    private boolean takesMode(
            Scenario scenario, String mode, HttpTransport transport, String keyPrefix, List<String> notes)
            throws InterruptedException {
        Answer answer = transport.send(scenario.sample(mode, keyPrefix + "-sample-" + mode));
        if (answer.status() == Answer.NO_ANSWER) {
            throw new BenchException(
                    "no answer from the stack (" + answer.failure() + "): is it running at the " + "--url given?");
        }
        if (scenario.needsBenchmarkMode(mode) && answer.status() == REFUSED_MODE) {
            String skipped = mode + " skipped: the stack refuses it (" + answer.label() + "). Start the local stack "
                    + "in benchmark mode: TRADEFLOW_BENCHMARK_LOCAL_MODE=true java -jar devstack/target/devstack.jar "
                    + "(a deployment: TRADEFLOW_BENCHMARK_LOCAL_MODE=true on every consumer-web).";
            out.println(skipped);
            out.flush();
            notes.add(skipped);
            return false;
        }
        if (!answer.successful()) {
            notes.add("The sample request in " + mode + " was answered " + answer.label() + ".");
        }
        return true;
    }

    private ModeResult runMode(
            Scenario scenario,
            String mode,
            LoadPlan plan,
            TargetOptions target,
            HttpTransport transport,
            StackProbes probes,
            JitSettling jit,
            List<String> notes)
            throws InterruptedException {
        out.printf(
                Locale.ROOT,
                "%s %s: %d s warm-up, then %d s measured (%s) ...%n",
                scenario.name(),
                mode,
                plan.warmup().toSeconds(),
                plan.duration().toSeconds(),
                plan.describe());
        out.flush();
        AtomicReference<StackProbes.Reading> before = new AtomicReference<>();
        AtomicReference<StackProbes.Reading> after = new AtomicReference<>();
        LoadResult load = new LoadGenerator(transport, plan, target.timeout)
                .run(worker -> scenario.step(mode, worker), new LoadGenerator.WindowHooks() {
                    @Override
                    public boolean warmEnough() {
                        return jit.warmEnough();
                    }

                    @Override
                    public void measuringStarts() {
                        before.set(probes.read());
                    }

                    @Override
                    public void measuringEnds() {
                        after.set(probes.read());
                    }
                });
        jit.outcome().ifPresent(notes::add);
        relayBehind(mode, target).ifPresent(notes::add);
        WindowUsage usage = StackProbes.between(before.get(), after.get());
        ModeResult result = new ModeResult(mode, scenario.primaryOperation(), load, usage);
        out.printf(
                Locale.ROOT,
                "%s %s: %.1f %ss/s, %d answers%n",
                scenario.name(),
                mode,
                result.throughput(),
                scenario.unit(),
                load.requests());
        out.flush();
        if (plan.openLoop()
                && result.perSecond(load.requests())
                        < RATE_REACHED_SHARE * plan.ratePerSecond().getAsDouble()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%s: %.1f requests/s of the %.0f/s asked: the stack (or %d "
                            + "connections) could not keep up; its latencies include the wait (measured from when each "
                            + "request was due).",
                    mode,
                    result.perSecond(load.requests()),
                    plan.ratePerSecond().getAsDouble(),
                    plan.connections()));
        }
        if (!usage.cpuUnavailable().isEmpty()) {
            notes.add(mode + ": no CPU figure for " + String.join(", ", usage.cpuUnavailable())
                    + " (restarted or not readable during the window).");
        }
        return result;
    }

    /** A note when events of the window were still waiting in the outbox after it: their cost is not in it. */
    private static Optional<String> relayBehind(String mode, TargetOptions target) {
        return Probes.outboxBacklog(target)
                .flatMap(OutboxBacklogProbe::read)
                .filter(backlog -> backlog.oldestSeconds() > RELAY_BEHIND_SECONDS)
                .map(backlog -> String.format(
                        Locale.ROOT,
                        "%s: when the window ended %d events waited in the outbox, the oldest for %.0f s: the relay "
                                + "did not keep up, and sending and applying them falls after the window, outside "
                                + "its CPU and SQL figures.",
                        mode,
                        backlog.pending(),
                        backlog.oldestSeconds()));
    }

    private static List<String> settings(ScenarioCommand command, BenchData data, LoadPlan plan, List<String> modes) {
        TargetOptions target = command.target;
        List<String> settings = new ArrayList<>();
        settings.add("target: " + target.urlsForReport() + ", database "
                + (target.hasDatabase() ? target.mysqlForReport() : "none"));
        settings.add(String.format(
                Locale.ROOT,
                "load: %s; %d s warm-up%s, then %d s measured per mode; modes %s, " + "one after another",
                plan.describe(),
                plan.warmup().toSeconds(),
                command.load.maxWarmup.isZero()
                        ? ""
                        : " (on a local stack longer, until its JIT settles: at most "
                                + command.load.maxWarmup.toSeconds() + " s more)",
                plan.duration().toSeconds(),
                String.join(", ", modes)));
        settings.add("data: users " + data.firstUser() + "-" + data.lastUser() + ", skus " + data.firstSku() + "-"
                + data.lastSku() + (data.hotSku() ? ", every purchase on sku " + data.firstSku() + " (hot sku)" : ""));
        settings.add("machine of the load generator: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version().feature());
        return settings;
    }

    private void write(BenchReport report, Path outDir, LocalDateTime startedAt) throws IOException {
        String markdown = MarkdownReport.render(report);
        out.println();
        out.print(markdown);
        Path dir = ReportFiles.newRunDirectory(outDir, startedAt);
        ReportFiles.write(dir.resolve(ReportFiles.MARKDOWN), markdown);
        ReportFiles.write(dir.resolve(ReportFiles.CSV), CsvReport.render(report));
        Charts.write(report, dir);
        out.println("Written to " + dir.toAbsolutePath());
        out.flush();
    }
}
