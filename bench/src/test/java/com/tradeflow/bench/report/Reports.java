package com.tradeflow.bench.report;

import com.tradeflow.bench.load.Answer;
import com.tradeflow.bench.load.LoadResult;
import com.tradeflow.bench.load.OperationStats;
import com.tradeflow.bench.probe.SqlStatements;
import com.tradeflow.bench.probe.WindowUsage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Made-up runs with round figures, for the report tests. */
final class Reports {

    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private Reports() {}

    /**
     * A mode with {@code ok} purchases of {@code millis} ms each and {@code refused} 409s, 10 s measured, its
     * processes using the given CPU ms, the database {@code sqlTotal} statements (a fifth of them selects).
     */
    static ModeResult mode(
            String mode, int ok, int refused, long millis, Map<String, Double> cpuMillis, long sqlTotal) {
        OperationStats place = new OperationStats();
        for (int i = 0; i < ok; i++) {
            place.record(Answer.of(201, "{}"), TimeUnit.MILLISECONDS.toNanos(millis));
        }
        for (int i = 0; i < refused; i++) {
            place.record(Answer.of(409, "{\"code\":\"CONCURRENT_UPDATE\"}"), TimeUnit.MILLISECONDS.toNanos(millis));
        }
        Map<String, OperationStats> operations = new LinkedHashMap<>();
        operations.put("place", place);
        Map<String, Long> byKind = new LinkedHashMap<>();
        SqlStatements.KINDS.forEach(kind -> byKind.put(kind, 0L));
        byKind.put("select", sqlTotal / 5);
        byKind.put("other", sqlTotal - sqlTotal / 5);
        WindowUsage usage = new WindowUsage(
                TEN_SECONDS, cpuMillis, List.of(), Optional.of(new SqlStatements(sqlTotal, byKind)), 500.0);
        return new ModeResult(mode, "place", new LoadResult(operations, TEN_SECONDS, TEN_SECONDS), usage);
    }

    static Map<String, Double> cpu(double web, double mariadb) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("mariadb", mariadb);
        cpu.put("consumer-web", web);
        return cpu;
    }

    /** LOCAL: 1000 purchases in 10 s (100/s), 10 ms each; AT: 500 (50/s) and 10 refused, 40 ms each. */
    static BenchReport localAndAt() {
        return new BenchReport(
                "purchases",
                "purchase",
                LocalDateTime.of(2026, 12, 3, 10, 0, 0),
                List.of("target: http://127.0.0.1:8080"),
                "/proc",
                List.of(
                        mode("LOCAL", 1000, 0, 10, cpu(6000, 4000), 20_000),
                        mode("AT", 500, 10, 40, cpu(6000, 4000), 25_000)),
                List.of("a note"));
    }
}
