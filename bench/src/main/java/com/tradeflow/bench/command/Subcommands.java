package com.tradeflow.bench.command;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The command line with every scenario as a subcommand, and errors the user can fix shown without a trace. */
public final class Subcommands {

    private Subcommands() {}

    public static CommandLine commandLine(Object main) {
        CommandLine commandLine = new CommandLine(main)
                .addSubcommand(new PurchasesCommand())
                .addSubcommand(new PlaceCancelCommand())
                .addSubcommand(new TransfersCommand())
                .addSubcommand(new IdleCommand())
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (failure instanceof BenchException) {
                err.println("bench: " + failure.getMessage());
            } else {
                failure.printStackTrace(err);
            }
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }
}
