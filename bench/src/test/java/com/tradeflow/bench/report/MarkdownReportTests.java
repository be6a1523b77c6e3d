package com.tradeflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.bench.probe.WindowUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportTests {

    @Test
    void shouldGiveThroughputLatencyRatioAnswersCpuAndSqlPerMode() {
        String md = MarkdownReport.render(Reports.localAndAt());

        assertThat(md).startsWith("# TradeFlow bench: purchases\n");
        assertThat(md)
                .contains("| mode | purchases/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | vs LOCAL | "
                        + "answers | server CPU ms/purchase | SQL/purchase |");
        // 1000 in 10 s; 10 ms; its own baseline; 10 s of 10 000 CPU ms over 1000; 20 000 statements over 1000
        assertThat(md)
                .contains(
                        "| LOCAL | 100.0 | 10.0 | 10.0 | 10.0 | 10.0 | 10.0 | 1.00 | 201: 1000 | 10.00 " + "| 20.0 |");
        assertThat(md)
                .contains("| AT | 50.0 | 40.0 | 40.0 | 40.0 | 40.0 | 40.0 | 0.50 | 201: 500, "
                        + "409 CONCURRENT_UPDATE: 10 | 20.00 | 50.0 |");
    }

    @Test
    void shouldBreakCpuDownByProcessAndSqlByKind() {
        String md = MarkdownReport.render(Reports.localAndAt());

        assertThat(md).contains("| mode | mariadb | consumer-web | total |");
        assertThat(md).contains("| AT | 8.00 | 12.00 | 20.00 |");
        assertThat(md)
                .contains("| mode | total | select | insert | update | delete | commit | rollback | set_option "
                        + "| xa | other |");
        assertThat(md).contains("| LOCAL | 20.0 | 4.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 16.0 |");
        // 500 CPU ms of the load generator over 1000 requests, 5 % of a core over 10 s
        assertThat(md).contains("| LOCAL | 1000 | 0.500 | 5.0 |");
        assertThat(md).contains("- a note");
    }

    @Test
    void shouldSayNotAvailableWithoutBaselineCpuOrSql() {
        ModeResult at = Reports.mode("AT", 10, 0, 5, Map.of(), 0);
        ModeResult noSql = new ModeResult(
                "TCC",
                "place",
                at.load(),
                new WindowUsage(Reports.TEN_SECONDS, Map.of(), List.of(), Optional.empty(), Double.NaN));
        BenchReport report = new BenchReport(
                "purchases",
                "purchase",
                Reports.localAndAt().startedAt(),
                List.of(),
                "n/a",
                List.of(at, noSql),
                List.of());

        String md = MarkdownReport.render(report);

        assertThat(md).contains("| TCC | 1.0 | 5.0 | 5.0 | 5.0 | 5.0 | 5.0 | n/a | 201: 10 | n/a | n/a |");
        assertThat(md).doesNotContain("by process");
    }

    @Test
    void shouldShowAModeWithoutAnyAnswer() {
        ModeResult none = Reports.mode("XA", 0, 0, 5, Reports.cpu(1, 1), 10);
        BenchReport report = new BenchReport(
                "purchases",
                "purchase",
                Reports.localAndAt().startedAt(),
                List.of(),
                "/proc",
                List.of(none),
                List.of());

        assertThat(MarkdownReport.render(report)).contains("| XA | 0.0 | - | - | - | - | - | n/a | none | n/a | n/a |");
    }
}
