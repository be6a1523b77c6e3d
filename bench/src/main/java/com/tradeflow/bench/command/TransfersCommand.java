package com.tradeflow.bench.command;

import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.scenario.Scenario;
import com.tradeflow.bench.scenario.Transfers;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench transfers}: wallet-to-wallet transfers, within one account shard and across the two. */
@Command(
        name = "transfers",
        mixinStandardHelpOptions = true,
        description = "Moves money between random wallets: LOCAL pairs wallets of one account shard (a local "
                + "transaction), XA wallets of different shards (one XA transaction over both databases).")
final class TransfersCommand extends ScenarioCommand {

    /** LOCAL: both wallets in one shard; XA: one in each. */
    @Option(
            names = "--modes",
            split = ",",
            defaultValue = "LOCAL,XA",
            paramLabel = "MODE",
            description = "LOCAL (same shard), XA (across shards), run in this order (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    /** Cents per transfer. */
    @Option(
            names = "--amount",
            defaultValue = "1",
            paramLabel = "CENTS",
            description = "Cents per transfer (default: ${DEFAULT-VALUE}).")
    long amountCents;

    @Override
    Scenario scenario(BenchData data, String runPrefix) {
        return new Transfers(data, runPrefix, amountCents);
    }

    @Override
    List<String> modes() {
        return modes;
    }
}
