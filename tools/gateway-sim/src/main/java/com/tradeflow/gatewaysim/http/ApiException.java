package com.tradeflow.gatewaysim.http;

/**
 * A request the gateway refuses: the HTTP status and the machine-readable {@code code} that the JSON error body
 * carries, so that a merchant's client can branch on the code rather than parse the message.
 */
public final class ApiException extends Exception {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
