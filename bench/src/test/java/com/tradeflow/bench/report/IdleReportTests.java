package com.tradeflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.bench.probe.SqlStatements;
import com.tradeflow.bench.probe.WindowUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleReportTests {

    private static IdleReport idle() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        SqlStatements.KINDS.forEach(kind -> byKind.put(kind, 0L));
        byKind.put("select", 2400L);
        byKind.put("other", 600L);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("mariadb", 300.0);
        cpu.put("consumer-web", 600.0);
        return new IdleReport(
                LocalDateTime.of(2026, 12, 3, 10, 0),
                List.of("measured: 30 s"),
                "/proc",
                new WindowUsage(
                        Duration.ofSeconds(30), cpu, List.of(), Optional.of(new SqlStatements(3000, byKind)), 0));
    }

    @Test
    void shouldGiveStatementsPerSecondAndCpuPercentOfOneCore() {
        IdleReport report = idle();

        assertThat(report.sqlPerSecond()).hasValueSatisfying(sql -> {
            assertThat(sql).containsEntry("total", 100.0).containsEntry("select", 80.0);
        });
        assertThat(report.cpuPercent())
                .containsEntry("mariadb", 1.0)
                .containsEntry("consumer-web", 2.0)
                .containsEntry("total", 3.0);
        assertThat(report.markdown())
                .contains("| mariadb | consumer-web | total |")
                .contains("| 1.00 | 2.00 | 3.00 |")
                .contains("| 100.0 | 80.0 |");
        assertThat(report.csv())
                .contains("sql_statements_per_second,total,100.00\n")
                .contains("cpu_percent_of_one_core,consumer-web,2.00\n");
    }

    @Test
    void shouldChartCpuPerProcess(@TempDir Path dir) throws Exception {
        assertThat(idle().charts(dir))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("cpu-idle.png");
    }
}
