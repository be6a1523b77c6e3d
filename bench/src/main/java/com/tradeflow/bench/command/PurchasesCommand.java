package com.tradeflow.bench.command;

import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.scenario.Purchases;
import com.tradeflow.bench.scenario.Scenario;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench purchases}: orders of one unit, per transaction mode. */
@Command(
        name = "purchases",
        mixinStandardHelpOptions = true,
        description = "Places orders (quantity 1, random user and sku) in each mode, one mode after another.")
final class PurchasesCommand extends ScenarioCommand {

    /** The modes to compare, run one after another on the same data; LOCAL needs a stack in benchmark mode. */
    @Option(
            names = "--modes",
            split = ",",
            defaultValue = "LOCAL,AT,TCC,XA",
            paramLabel = "MODE",
            description = "Modes, run in this order: LOCAL (no global transaction; stack in benchmark mode), AT, "
                    + "TCC, XA (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    /** Every purchase on the first sku: one stock row that all of them contend for. */
    @Option(names = "--hot-sku", description = "All purchases on one sku (--first-sku).")
    boolean hotSku;

    @Override
    Scenario scenario(BenchData data, String runPrefix) {
        return new Purchases(data, runPrefix);
    }

    @Override
    List<String> modes() {
        return modes;
    }

    @Override
    boolean hotSku() {
        return hotSku;
    }
}
