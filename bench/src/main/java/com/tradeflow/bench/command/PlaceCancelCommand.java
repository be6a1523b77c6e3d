package com.tradeflow.bench.command;

import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.scenario.PlaceCancel;
import com.tradeflow.bench.scenario.Scenario;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench place-cancel}: purchases, a share of them cancelled right after. */
@Command(
        name = "place-cancel",
        mixinStandardHelpOptions = true,
        description =
                "Places orders and cancels a share of them right after (each a global transaction of the " + "mode).")
final class PlaceCancelCommand extends ScenarioCommand {

    /** Modes to compare; LOCAL orders cannot be cancelled, so it is not one of them. */
    @Option(
            names = "--modes",
            split = ",",
            defaultValue = "AT,TCC,XA",
            paramLabel = "MODE",
            description = "Modes, run in this order: AT, TCC, XA (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    /** The share of placed orders cancelled at once by their user. */
    @Option(
            names = "--cancel-share",
            defaultValue = "0.5",
            paramLabel = "0..1",
            description = "Share of the placed orders that are cancelled (default: ${DEFAULT-VALUE}).")
    double cancelShare;

    /** Every purchase on the first sku. */
    @Option(names = "--hot-sku", description = "All purchases on one sku (--first-sku).")
    boolean hotSku;

    @Override
    Scenario scenario(BenchData data, String runPrefix) {
        return new PlaceCancel(data, runPrefix, cancelShare);
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
