package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.bench.BenchMain;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bench tool, a few seconds against the test stack (AT and TCC; LOCAL needs a stack in benchmark mode), so that
 * it cannot rot: it sets up its own users and products (a range no other test uses), spreads its requests over both
 * consumer-web instances, measures, and reports throughput, server CPU per process and SQL statements per purchase.
 */
@Order(80)
@ExtendWith(TestStack.class)
class BenchSmokeIT {

    /** Users and skus 5001-5050: created by the bench's setup, far from the demo data and every other test's. */
    private static final String FIRST_ID = "5001";

    private static final String COUNT = "50";
    private static final List<String> MODES = List.of("AT", "TCC");
    private static final List<String> SERVICES = List.of("consumer-web", "provider-inventory", "provider-account");
    private static final List<ServiceName> WEB_INSTANCES = List.of(ServiceName.WEB, ServiceName.WEB_TRANSACTIONAL);
    private static final String[] PLACEMENTS_COMMITTED = {"name=\"place-order\"", "phase=\"commit\""};

    @Test
    void shouldMeasurePurchasesPerModeWithCpuAndSqlFigures() throws Exception {
        DevStackOptions stack = TestStack.stack().options();
        Path out = Files.createTempDirectory(Path.of("target"), "bench-smoke");
        Map<ServiceName, Double> placedBefore = placementsCommitted();

        // a short JIT watch: the smoke run checks that the warm-up looks at the compilers, not that they settle
        int exit = BenchMain.execute(
                "purchases",
                "--url",
                TestStack.stack().webUrl(ServiceName.WEB) + ","
                        + TestStack.stack().webUrl(ServiceName.WEB_TRANSACTIONAL),
                "--modes",
                String.join(",", MODES),
                "--connections",
                "4",
                "--warmup",
                "1s",
                "--max-warmup",
                "2s",
                "--duration",
                "3s",
                "--users",
                COUNT,
                "--skus",
                COUNT,
                "--first-user",
                FIRST_ID,
                "--first-sku",
                FIRST_ID,
                "--mysql",
                jdbcUrl(stack),
                "--stack-dir",
                stack.workDir().toString(),
                "--out",
                out.toString());

        assertThat(exit).as("every mode had successful purchases").isZero();
        Path run;
        try (var runs = Files.list(out)) {
            run = runs.findFirst().orElseThrow();
        }
        assertThat(Files.readString(run.resolve("report.md")))
                .contains("| AT |", "| TCC |")
                .as("the warm-up watched the stack's JIT compilers")
                .containsAnyOf("the JIT settled after", "the JIT was still compiling after");
        List<Map<String, String>> rows = csv(run.resolve("results.csv"));
        assertThat(rows).extracting(row -> row.get("mode")).containsExactlyElementsOf(MODES);
        for (Map<String, String> row : rows) {
            String mode = row.get("mode");
            assertThat(Long.parseLong(row.get("successes")))
                    .as(mode + " purchases")
                    .isPositive();
            assertThat(Double.parseDouble(row.get("sql_per_purchase_total")))
                    .as(mode + " SQL per purchase")
                    .isPositive();
            for (String service : SERVICES) {
                assertThat(row.get("cpu_ms_per_purchase_" + service))
                        .as(mode + " CPU of " + service)
                        .isNotBlank();
                assertThat(Double.parseDouble(row.get("cpu_ms_per_purchase_" + service)))
                        .isPositive();
            }
        }
        assertThat(run.resolve("throughput.png")).exists();
        Map<ServiceName, Double> placedAfter = placementsCommitted();
        for (ServiceName web : WEB_INSTANCES) {
            assertThat(placedAfter.get(web))
                    .as("purchases placed through " + web)
                    .isGreaterThan(placedBefore.get(web));
        }
        // leave the stack as the next tests expect it: phase two of every AT purchase done
        TestStack.db().awaitNoUndoLogs();
    }

    /** Global transactions placing an order that each web instance committed so far. */
    private static Map<ServiceName, Double> placementsCommitted() throws Exception {
        Map<ServiceName, Double> placed = new EnumMap<>(ServiceName.class);
        for (ServiceName web : WEB_INSTANCES) {
            placed.put(
                    web,
                    Metrics.value(web, "tradeflow_global_transaction_seconds_count", PLACEMENTS_COMMITTED)
                            .orElse(0.0));
        }
        return placed;
    }

    private static String jdbcUrl(DevStackOptions stack) {
        return "jdbc:mariadb://" + stack.effectiveMysqlHost() + ":" + stack.mysqlPort() + "/?user=" + stack.mysqlUser()
                + (stack.mysqlPassword().isEmpty() ? "" : "&password=" + stack.mysqlPassword());
    }

    /** The rows of the bench's CSV as column -> value (its fields here hold no commas but the answers'). */
    private static List<Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        return lines.stream()
                .skip(1)
                .map(line -> {
                    String[] fields = line.replaceAll("\"[^\"]*\"", "answers").split(",", -1);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], fields[i]);
                    }
                    return row;
                })
                .toList();
    }
}
