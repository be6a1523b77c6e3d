package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders per second and latency of the same purchase in AT, TCC and XA, against the same purchase with no global
 * transaction (LOCAL: a plain local transaction in each service), 16 concurrent clients, one stack, one run. Not
 * part of {@code mvn verify}: {@code mvn -B verify -pl e2e -Pbenchmark} (after {@code mvn -B install
 * -DskipTests}). Prints a table; asserts only that the runs did purchase.
 */
class TransactionModesBenchmark {

    private static final int CLIENTS = 16;
    private static final int WARM_UP = 100;
    private static final int ORDERS = 800;
    /** Skus 1-5 (1.00 to 21.84) and users 1-100: every user and sku can pay for and supply every run. */
    private static final int SKUS = 5;

    private static final int USERS = 100;
    private static final List<String> MODES = List.of("LOCAL", "AT", "TCC", "XA");

    @Test
    void shouldPrintOrdersPerSecondAndLatencyPerMode() throws Exception {
        Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = Path.of("target/benchmark-stack").toAbsolutePath();
        StackState.clear(dir);
        try (DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir).withBenchmarkMode())) {
            Api api = Api.of(stack, ServiceName.WEB);
            Map<String, PurchaseRun> runs = new LinkedHashMap<>();
            for (String mode : MODES) {
                run(api, mode, WARM_UP);
                runs.put(mode, run(api, mode, ORDERS));
            }
            print(runs);
            runs.forEach((mode, run) ->
                    assertThat(run.placed()).as(mode + " orders placed").isPositive());
        }
    }

    private static PurchaseRun run(Api api, String mode, int orders) throws Exception {
        return PurchaseRun.measure(CLIENTS, orders, i -> api.placeOrder(1 + i % USERS, 1 + i % SKUS, 1, mode));
    }

    private static void print(Map<String, PurchaseRun> runs) {
        PurchaseRun local = runs.get("LOCAL");
        StringBuilder table = new StringBuilder("\n| mode | orders/s | p50 ms | p99 ms | orders/s vs LOCAL"
                + " | p50 vs LOCAL | answers |\n|---|---:|---:|---:|---:|---:|---|\n");
        runs.forEach((mode, run) -> table.append(String.format(
                "| %s | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n",
                mode,
                run.perSecond(),
                run.p50(),
                run.p99(),
                run.perSecond() / local.perSecond(),
                run.p50() / local.p50(),
                run.statuses())));
        table.append(String.format(
                "%n%d clients, %d orders per mode after %d warm-up orders, skus 1-%d, %d users, " + "%d cores%n",
                CLIENTS, ORDERS, WARM_UP, SKUS, USERS, Runtime.getRuntime().availableProcessors()));
        System.out.println(table);
    }
}
