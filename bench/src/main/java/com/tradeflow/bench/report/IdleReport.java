package com.tradeflow.bench.report;

import com.tradeflow.bench.probe.SqlStatements;
import com.tradeflow.bench.probe.WindowUsage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack at rest: SQL statements per second (total and by kind) and CPU % of one core per process, over a
 * window with no load from the bench.
 */
public record IdleReport(LocalDateTime startedAt, List<String> settings, String cpuSource, WindowUsage usage) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double PERCENT = 100.0;
    private static final double MILLIS_PER_SECOND = 1000.0;

    /** Statements per second: {@code total}, then each kind; empty without a database connection. */
    public Optional<Map<String, Double>> sqlPerSecond() {
        double seconds = usage.elapsed().toMillis() / MILLIS_PER_SECOND;
        return usage.sql().map(sql -> {
            Map<String, Double> perSecond = new LinkedHashMap<>();
            perSecond.put("total", sql.total() / seconds);
            SqlStatements.KINDS.forEach(kind -> perSecond.put(kind, sql.count(kind) / seconds));
            return perSecond;
        });
    }

    /** CPU % of one core per process, and {@code total} over all of them. */
    public Map<String, Double> cpuPercent() {
        Map<String, Double> percent = new LinkedHashMap<>();
        long millis = usage.elapsed().toMillis();
        usage.cpuMillis().forEach((process, cpu) -> percent.put(process, cpu * PERCENT / millis));
        if (!percent.isEmpty()) {
            percent.put("total", usage.totalCpuMillis() * PERCENT / millis);
        }
        return percent;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# TradeFlow bench: idle\n\nRun ")
                .append(WHEN.format(startedAt))
                .append(".\n\n");
        settings.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- server CPU: ").append(cpuSource).append("\n\n");
        Optional<Map<String, Double>> sql = sqlPerSecond();
        if (sql.isPresent()) {
            md.append("SQL statements per second:\n\n| ")
                    .append(String.join(" | ", sql.get().keySet()))
                    .append(" |\n|")
                    .append("---:|".repeat(sql.get().size()))
                    .append("\n|");
            sql.get()
                    .values()
                    .forEach(value ->
                            md.append(' ').append(Figures.oneDecimal(value)).append(" |"));
            md.append("\n\n");
        } else {
            md.append("SQL statements per second: n/a (no database connection)\n\n");
        }
        Map<String, Double> cpu = cpuPercent();
        if (cpu.isEmpty()) {
            md.append("CPU % of one core: n/a\n\n");
        } else {
            md.append("CPU % of one core, by process:\n\n| ")
                    .append(String.join(" | ", cpu.keySet()))
                    .append(" |\n|")
                    .append("---:|".repeat(cpu.size()))
                    .append("\n|");
            cpu.values()
                    .forEach(value ->
                            md.append(' ').append(Figures.twoDecimals(value)).append(" |"));
            md.append("\n\n");
        }
        if (!usage.cpuUnavailable().isEmpty()) {
            md.append("No CPU figure (restarted or not readable): ")
                    .append(String.join(", ", usage.cpuUnavailable()))
                    .append("\n\n");
        }
        return md.toString();
    }

    /** {@code metric,name,value} rows. */
    public String csv() {
        StringBuilder csv = new StringBuilder(CsvReport.line(List.of("metric", "name", "value")));
        sqlPerSecond()
                .ifPresent(sql -> sql.forEach((kind, value) -> csv.append(
                        CsvReport.line(List.of("sql_statements_per_second", kind, Figures.twoDecimals(value))))));
        cpuPercent()
                .forEach((process, value) -> csv.append(
                        CsvReport.line(List.of("cpu_percent_of_one_core", process, Figures.twoDecimals(value)))));
        return csv.toString();
    }

    /** CPU % per process as a bar chart, when there are figures. */
    public List<Path> charts(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Map<String, Double> cpu = new LinkedHashMap<>(cpuPercent());
        cpu.remove("total");
        if (!cpu.isEmpty()) {
            written.add(Charts.bars(
                    "idle: CPU % of one core, by process",
                    "CPU %", List.copyOf(cpu.keySet()), List.copyOf(cpu.values()), dir.resolve("cpu-idle.png")));
        }
        return written;
    }
}
