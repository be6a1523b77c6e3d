package com.tradeflow.bench.report;

import com.tradeflow.bench.load.OperationStats;
import com.tradeflow.bench.probe.SqlStatements;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as markdown (printed and written to {@code report.md}): the summary table per mode, then server CPU
 * per process, SQL statements by kind, other operations, the load generator's own cost, and notes.
 */
public final class MarkdownReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double PERCENT = 100.0;

    private MarkdownReport() {}

    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        String unit = report.unit();
        md.append("# TradeFlow bench: ").append(report.scenario()).append("\n\n");
        md.append("Run ").append(WHEN.format(report.startedAt())).append(".\n\n");
        report.settings().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- server CPU: ").append(report.cpuSource()).append("\n\n");
        summary(md, report, unit);
        cpuByProcess(md, report.results(), unit);
        sqlByKind(md, report.results(), unit);
        otherOperations(md, report.results());
        loadGenerator(md, report.results());
        if (!report.notes().isEmpty()) {
            md.append("Notes:\n\n");
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, BenchReport report, String unit) {
        md.append("| mode | ")
                .append(unit)
                .append("s/s")
                .append(latencyHeader())
                .append(" | vs ")
                .append(BenchReport.BASELINE_MODE)
                .append(" | answers | server CPU ms/")
                .append(unit)
                .append(" | SQL/")
                .append(unit)
                .append(" |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (ModeResult result : report.results()) {
            OperationStats primary = result.primary();
            md.append("| ")
                    .append(result.mode())
                    .append(" | ")
                    .append(Figures.oneDecimal(result.throughput()))
                    .append(latencies(primary))
                    .append(" | ")
                    .append(Figures.twoDecimals(report.ratioToBaseline(result)))
                    .append(" | ")
                    .append(Figures.answers(primary.answers(), ": "))
                    .append(" | ")
                    .append(Figures.twoDecimals(result.totalCpuMillisPerUnit()))
                    .append(" | ")
                    .append(result.sqlPerUnit()
                            .map(sql -> Figures.oneDecimal(sql.get("total")))
                            .orElse(Figures.NOT_AVAILABLE))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** The percentile and max cells of one operation, each with its leading separator. */
    private static String latencies(OperationStats stats) {
        StringBuilder cells = new StringBuilder();
        for (Percentiles.Percentile percentile : Percentiles.REPORTED) {
            cells.append(" | ")
                    .append(
                            stats.requests() == 0
                                    ? "-"
                                    : Figures.oneDecimal(stats.percentileMillis(percentile.value())));
        }
        return cells.append(" | ")
                .append(stats.requests() == 0 ? "-" : Figures.oneDecimal(stats.maxMillis()))
                .toString();
    }

    private static String latencyHeader() {
        StringBuilder header = new StringBuilder();
        Percentiles.REPORTED.forEach(p -> header.append(" | ").append(p.label()).append(" ms"));
        return header.append(" | max ms").toString();
    }

    private static void cpuByProcess(StringBuilder md, List<ModeResult> results, String unit) {
        List<String> processes = Columns.processes(results);
        if (processes.isEmpty()) {
            return;
        }
        md.append("Server CPU ms per ")
                .append(unit)
                .append(", by process:\n\n| mode | ")
                .append(String.join(" | ", processes))
                .append(" | total |\n|---|")
                .append("---:|".repeat(processes.size() + 1))
                .append('\n');
        for (ModeResult result : results) {
            Map<String, Double> perUnit = result.cpuMillisPerUnit();
            md.append("| ").append(result.mode());
            processes.forEach(process -> md.append(" | ").append(Figures.twoDecimals(perUnit.get(process))));
            md.append(" | ")
                    .append(Figures.twoDecimals(result.totalCpuMillisPerUnit()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void sqlByKind(StringBuilder md, List<ModeResult> results, String unit) {
        if (results.stream().allMatch(result -> result.sqlPerUnit().isEmpty())) {
            return;
        }
        md.append("SQL statements per ")
                .append(unit)
                .append(", by kind:\n\n| mode | total | ")
                .append(String.join(" | ", SqlStatements.KINDS))
                .append(" |\n|---|")
                .append("---:|".repeat(SqlStatements.KINDS.size() + 1))
                .append('\n');
        for (ModeResult result : results) {
            Optional<Map<String, Double>> sql = result.sqlPerUnit();
            md.append("| ").append(result.mode());
            md.append(" | ")
                    .append(sql.map(s -> Figures.oneDecimal(s.get("total"))).orElse(Figures.NOT_AVAILABLE));
            SqlStatements.KINDS.forEach(kind -> md.append(" | ")
                    .append(sql.map(s -> Figures.oneDecimal(s.get(kind))).orElse(Figures.NOT_AVAILABLE)));
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static void otherOperations(StringBuilder md, List<ModeResult> results) {
        if (results.stream().allMatch(result -> result.secondary().isEmpty())) {
            return;
        }
        md.append("Other operations:\n\n| mode | operation | requests/s")
                .append(latencyHeader())
                .append(" | answers |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (ModeResult result : results) {
            result.secondary()
                    .forEach((operation, stats) -> md.append("| ")
                            .append(result.mode())
                            .append(" | ")
                            .append(operation)
                            .append(" | ")
                            .append(Figures.oneDecimal(result.perSecond(stats.requests())))
                            .append(latencies(stats))
                            .append(" | ")
                            .append(Figures.answers(stats.answers(), ": "))
                            .append(" |\n"));
        }
        md.append('\n');
    }

    private static void loadGenerator(StringBuilder md, List<ModeResult> results) {
        md.append("Load generator (this JVM, on the same cores as the stack when run locally):\n\n"
                + "| mode | requests | CPU ms/request | CPU % of one core |\n|---|---:|---:|---:|\n");
        for (ModeResult result : results) {
            double cpu = result.usage().loadGeneratorCpuMillis();
            double percent = cpu * PERCENT / result.load().measured().toMillis();
            md.append("| ")
                    .append(result.mode())
                    .append(" | ")
                    .append(result.load().requests())
                    .append(" | ")
                    .append(
                            result.loadGeneratorCpuMillisPerRequest().isPresent()
                                    ? Figures.threeDecimals(result.loadGeneratorCpuMillisPerRequest()
                                            .getAsDouble())
                                    : Figures.NOT_AVAILABLE)
                    .append(" | ")
                    .append(Double.isNaN(percent) ? Figures.NOT_AVAILABLE : Figures.oneDecimal(percent))
                    .append(" |\n");
        }
        md.append('\n');
    }
}
