package com.tradeflow.bench;

import com.tradeflow.bench.command.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar bench/target/bench.jar <scenario> [options]}: load against a TradeFlow web API, per mode, with
 * latencies, answers, server CPU per process and SQL statements per unit; see bench/README.md.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        version = "TradeFlow bench",
        description = "Benchmarks a TradeFlow stack (local or deployed) and writes markdown, CSV and PNG reports.",
        subcommands = {CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs one command and returns its exit code: 0 when every mode had successes, 1 when a mode had none (or
     * none ran, or the run failed), 2 for unusable options. For tests and embedding: never exits the JVM.
     */
    public static int execute(String... args) {
        return Subcommands.commandLine(new BenchMain()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a scenario: purchases, place-cancel, " + "transfers or idle");
    }
}
