package com.tradeflow.web.gateway;

/** A gateway call that did not give an answer to act on. */
public final class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether trying again can help. */
    public enum Kind {
        /** No answer, a timeout, a 5xx or 429: the same call can succeed later (it is idempotent). */
        UNAVAILABLE,
        /** A 4xx other than 404: this call will never succeed as it is (bad request, bad key, a conflict). */
        REJECTED
    }

    private final Kind kind;
    private final int httpStatus;
    private final String code;

    GatewayException(Kind kind, int httpStatus, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retriable() {
        return kind == Kind.UNAVAILABLE;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The gateway's error code ({@code MERCHANT_ORDER_CONFLICT} ...), or null. */
    public String code() {
        return code;
    }
}
