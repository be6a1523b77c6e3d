package com.tradeflow.bench.report;

import com.tradeflow.bench.load.OperationStats;
import com.tradeflow.bench.probe.SqlStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as CSV ({@code results.csv}): one row per mode and operation. The per-unit columns (vs LOCAL, server
 * CPU, SQL, load generator) belong to the mode, so they are filled on its primary operation's row only.
 */
public final class CsvReport {

    private CsvReport() {}

    public static String render(BenchReport report) {
        List<String> processes = Columns.processes(report.results());
        String unit = report.unit();
        List<String> header =
                new ArrayList<>(List.of("scenario", "mode", "operation", "requests", "successes", "per_second"));
        Percentiles.REPORTED.forEach(p -> header.add(p.csvName()));
        header.addAll(List.of("max_ms", "ratio_to_local", "answers", "cpu_ms_per_" + unit + "_total"));
        processes.forEach(process -> header.add("cpu_ms_per_" + unit + "_" + process));
        header.add("sql_per_" + unit + "_total");
        SqlStatements.KINDS.forEach(kind -> header.add("sql_per_" + unit + "_" + kind));
        header.add("loadgen_cpu_ms_per_request");

        StringBuilder csv = new StringBuilder(line(header));
        for (ModeResult result : report.results()) {
            csv.append(line(row(report, result, result.primaryOperation(), result.primary(), processes, true)));
            result.secondary()
                    .forEach((operation, stats) ->
                            csv.append(line(row(report, result, operation, stats, processes, false))));
        }
        return csv.toString();
    }

    private static List<String> row(
            BenchReport report,
            ModeResult result,
            String operation,
            OperationStats stats,
            List<String> processes,
            boolean primary) {
        List<String> row = new ArrayList<>(List.of(
                report.scenario(),
                result.mode(),
                operation,
                String.valueOf(stats.requests()),
                String.valueOf(stats.successes()),
                Figures.oneDecimal(result.perSecond(primary ? stats.successes() : stats.requests()))));
        Percentiles.REPORTED.forEach(
                p -> row.add(stats.requests() == 0 ? "" : Figures.oneDecimal(stats.percentileMillis(p.value()))));
        row.add(stats.requests() == 0 ? "" : Figures.oneDecimal(stats.maxMillis()));
        row.add(primary ? blankIfMissing(Figures.twoDecimals(report.ratioToBaseline(result))) : "");
        row.add(Figures.answers(stats.answers(), "="));
        Map<String, Double> cpu = result.cpuMillisPerUnit();
        row.add(primary ? blankIfMissing(Figures.twoDecimals(result.totalCpuMillisPerUnit())) : "");
        processes.forEach(process -> row.add(primary ? blankIfMissing(Figures.twoDecimals(cpu.get(process))) : ""));
        Optional<Map<String, Double>> sql = primary ? result.sqlPerUnit() : Optional.empty();
        row.add(sql.map(s -> Figures.twoDecimals(s.get("total"))).orElse(""));
        SqlStatements.KINDS.forEach(
                kind -> row.add(sql.map(s -> Figures.twoDecimals(s.get(kind))).orElse("")));
        row.add(
                primary && result.loadGeneratorCpuMillisPerRequest().isPresent()
                        ? Figures.threeDecimals(
                                result.loadGeneratorCpuMillisPerRequest().getAsDouble())
                        : "");
        return row;
    }

    private static String blankIfMissing(String figure) {
        return Figures.NOT_AVAILABLE.equals(figure) ? "" : figure;
    }

    /** One CSV line; a field with a comma, quote or line break is quoted (RFC 4180). */
    static String line(List<String> fields) {
        List<String> escaped = new ArrayList<>();
        for (String field : fields) {
            escaped.add(field.matches("(?s).*[\",\\r\\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", escaped) + "\n";
    }
}
