package com.tradeflow.nacos.devserver.http;

/**
 * A request the server refuses. {@code status} is the HTTP status (what the v1 API reports), {@code code} the
 * Nacos v2 error code (10000 parameter missing, 20002 parameter invalid, 20004 not found ...).
 */
final class BadRequest extends Exception {

    final int status;
    final int code;

    BadRequest(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static BadRequest missing(String name) {
        return new BadRequest(400, 10000, "Param '" + name + "' is required.");
    }

    static BadRequest invalid(String name, String value) {
        return new BadRequest(400, 20002, "Param '" + name + "' is invalid: '" + value + "'");
    }
}
