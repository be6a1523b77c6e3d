package com.tradeflow.gatewaysim.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers. {@code delayMillis} holds the answer back without holding a thread: the server sends
 * it from a scheduled task, which is how injected latency and timeouts cost nothing while they wait.
 */
public record Reply(int status, byte[] body, Map<String, String> headers, long delayMillis) {

    public static Reply json(int status, Object value) {
        return new Reply(status, Json.write(value), Map.of(), 0);
    }

    public static Reply error(int status, String code, String message) {
        return json(status, new ErrorBody(code, message));
    }

    public static Reply error(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, body, all, delayMillis);
    }

    public Reply delayedBy(long millis) {
        return new Reply(status, body, headers, delayMillis + millis);
    }

    /** The body of every error answer: {@code {"code":"...","message":"..."}}. */
    public record ErrorBody(String code, String message) {}
}
