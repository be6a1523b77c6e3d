package com.tradeflow.bench.command;

/** A run that cannot go on for a reason the user can fix (unreachable stack, database refused): no stack trace. */
public final class BenchException extends RuntimeException {

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }

    public BenchException(String message) {
        super(message);
    }
}
