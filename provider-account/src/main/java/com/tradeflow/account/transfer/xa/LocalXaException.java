package com.tradeflow.account.transfer.xa;

/** A local XA transaction could not begin, commit or roll back; the cause says why. */
public final class LocalXaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LocalXaException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
