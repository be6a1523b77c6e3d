package com.tradeflow.bench.command;

import com.tradeflow.bench.probe.StackProbes;
import com.tradeflow.bench.report.IdleReport;
import com.tradeflow.bench.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench idle}: the stack at rest, no load sent. */
@Command(
        name = "idle",
        mixinStandardHelpOptions = true,
        description = "Measures the stack at rest: SQL statements per second and CPU %% of one core per process.")
final class IdleCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetOptions target;

    /** How long to watch the idle stack. */
    @Option(
            names = "--duration",
            defaultValue = "30s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "How long to measure (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LocalDateTime startedAt = LocalDateTime.now();
        try (StackProbes probes = Probes.open(target, out)) {
            out.printf("idle: measuring %d s with no load ...%n", duration.toSeconds());
            out.flush();
            StackProbes.Reading before = probes.read();
            Thread.sleep(duration.toMillis());
            StackProbes.Reading after = probes.read();
            IdleReport report = new IdleReport(
                    startedAt,
                    List.of(
                            "target: " + target.urlsForReport() + ", database "
                                    + (target.hasDatabase() ? target.mysqlForReport() : "none"),
                            "measured: " + duration.toSeconds() + " s, no load from the bench"),
                    probes.cpuSource(),
                    StackProbes.between(before, after));
            String markdown = report.markdown();
            out.println();
            out.print(markdown);
            Path dir = ReportFiles.newRunDirectory(target.out, startedAt);
            ReportFiles.write(dir.resolve(ReportFiles.MARKDOWN), markdown);
            ReportFiles.write(dir.resolve(ReportFiles.CSV), report.csv());
            report.charts(dir);
            out.println("Written to " + dir.toAbsolutePath());
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
