package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * What two-phase commit costs a transfer: the same transfers between wallets on different account shards (one XA
 * transaction over both databases, Atomikos logging its decision) and on the same shard (a plain local
 * transaction), alternating runs on one stack.
 * Not part of {@code mvn verify}: {@code mvn -B verify -pl e2e -Pbenchmark -Dit.test=TransferBenchmark} (after
 * {@code mvn -B install -DskipTests}). Prints a table; asserts only that transfers completed and the money stayed.
 */
class TransferBenchmark {

    private static final int CLIENTS = 16;
    private static final int WARM_UP = 1000;
    private static final int TRANSFERS = 2000;
    /** Alternating runs: the machine's own drift (JIT, background jobs) shows as differences between rounds. */
    private static final int ROUNDS = 4;
    /** Users 70_001 .. 70_400; pairs of neighbours, so few transfers wait for the same wallet. */
    private static final long FIRST_USER = 70_001;

    private static final int USERS = 400;
    private static final long BALANCE = 1_000_000_000L;

    @Test
    void shouldPrintCrossShardXaVersusSameShardLocalTransfers() throws Exception {
        Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = Path.of("target/transfer-benchmark-stack").toAbsolutePath();
        StackState.clear(dir);
        try (DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir).withBenchmarkMode())) {
            Api api = Api.of(stack, ServiceName.WEB);
            Databases db = new Databases(stack.options());
            db.createWallets(FIRST_USER, USERS, BALANCE);
            WalletTransfers transfers = new WalletTransfers(api, db);
            long total = transfers.totalBalance(FIRST_USER, FIRST_USER + USERS - 1);

            // odd user -> the next (even) user: the other shard; odd user -> the odd one after: the same shard
            IntFunction<IntFunction<Api.Reply>> xa = run -> i -> {
                long from = FIRST_USER + (2L * i) % USERS;
                return transfers.transfer(from, from + 1, 1 + i % 100, "xa-" + run + "-" + i);
            };
            IntFunction<IntFunction<Api.Reply>> local = run -> i -> {
                long from = FIRST_USER + (4L * i) % USERS;
                return transfers.transfer(from, from + 2, 1 + i % 100, "local-" + run + "-" + i);
            };
            PurchaseRun.measure(CLIENTS, WARM_UP, xa.apply(-1));
            PurchaseRun.measure(CLIENTS, WARM_UP, local.apply(-1));
            Map<String, PurchaseRun> runs = new LinkedHashMap<>();
            for (int round = 1; round <= ROUNDS; round++) {
                runs.put("same shard, local #" + round, PurchaseRun.measure(CLIENTS, TRANSFERS, local.apply(round)));
                runs.put("cross shard, XA #" + round, PurchaseRun.measure(CLIENTS, TRANSFERS, xa.apply(round)));
            }
            print(runs);
            runs.forEach((name, run) -> assertThat(run.placed()).as(name).isEqualTo(TRANSFERS));
            assertThat(transfers.totalBalance(FIRST_USER, FIRST_USER + USERS - 1))
                    .isEqualTo(total);
        }
    }

    private static void print(Map<String, PurchaseRun> runs) {
        StringBuilder table = new StringBuilder("\n| run | transfers/s | p50 ms | p99 ms | transfers/s vs local "
                + "| p50 vs local | p99 vs local | answers |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        runs.forEach((name, run) -> {
            // against the local run of the same round, right before it
            PurchaseRun local = runs.get("same shard, local #" + name.substring(name.indexOf('#') + 1));
            table.append(String.format(
                    "| %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %s |%n",
                    name,
                    run.perSecond(),
                    run.p50(),
                    run.p99(),
                    run.perSecond() / local.perSecond(),
                    run.p50() / local.p50(),
                    run.p99() / local.p99(),
                    run.statuses()));
        });
        double[] ratios = runs.entrySet().stream()
                .filter(e -> e.getKey().startsWith("cross"))
                .mapToDouble(e -> e.getValue().perSecond()
                        / runs.get(e.getKey().replace("cross shard, XA", "same shard, local"))
                                .perSecond())
                .sorted()
                .toArray();
        table.append(String.format(
                "%nXA throughput vs local, per round: %s; median %.2f%n",
                java.util.Arrays.toString(java.util.Arrays.stream(ratios)
                        .mapToObj(r -> String.format("%.2f", r))
                        .toArray()),
                (ratios[(ratios.length - 1) / 2] + ratios[ratios.length / 2]) / 2));
        table.append(String.format(
                "%d clients, %d transfers per run after %d warm-up ones per mode, %d users, " + "%d cores%n",
                CLIENTS, TRANSFERS, WARM_UP, USERS, Runtime.getRuntime().availableProcessors()));
        System.out.println(table);
    }
}
