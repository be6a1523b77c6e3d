package com.tradeflow.bench.command;

import com.tradeflow.bench.scenario.BenchData;
import picocli.CommandLine.Option;

/** Which users and products the load uses, and whether the bench makes sure they exist. */
public final class DataOptions {

    /** How many users, from {@code --first-user} on. */
    @Option(
            names = "--users",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Users (wallets) the load spreads over (default: ${DEFAULT-VALUE}).")
    int users;

    /** How many products, from {@code --first-sku} on. */
    @Option(
            names = "--skus",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Products the load spreads over (default: ${DEFAULT-VALUE}).")
    int skus;

    /** The first user id: a range of its own keeps a run apart from other users of the stack. */
    @Option(
            names = "--first-user",
            defaultValue = "1",
            paramLabel = "ID",
            description = "First user id (default: ${DEFAULT-VALUE}).")
    long firstUser;

    /** The first sku; with {@code --hot-sku} the only one bought. */
    @Option(
            names = "--first-sku",
            defaultValue = "1",
            paramLabel = "ID",
            description = "First sku (default: ${DEFAULT-VALUE}).")
    long firstSku;

    /** Use the products and wallets as they are (for a deployment whose database the bench cannot reach). */
    @Option(names = "--skip-setup", description = "Do not create or top up products and wallets through --mysql.")
    boolean skipSetup;

    BenchData data(boolean hotSku) {
        return new BenchData(firstUser, users, firstSku, skus, hotSku);
    }
}
