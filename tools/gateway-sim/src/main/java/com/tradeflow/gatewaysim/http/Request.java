package com.tradeflow.gatewaysim.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One HTTP request as the routes see it: the body is already read (and size-checked), and {@link #pathTail()} is
 * the last path segment of a {@link Route#withTail} route, e.g. the merchant order number of
 * {@code /v1/payments/{merchantOrderNo}}.
 */
public final class Request {

    private final String method;
    private final String path;
    private final String pathTail;
    private final Headers headers;
    private final String rawQuery;
    private final byte[] body;

    Request(String method, String path, String pathTail, Headers headers, String rawQuery, byte[] body) {
        this.method = method;
        this.path = path;
        this.pathTail = pathTail;
        this.headers = headers;
        this.rawQuery = rawQuery;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String pathTail() {
        return pathTail;
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public byte[] body() {
        return body;
    }

    /** Query parameters, first value wins. */
    public Map<String, String> query() {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // a malformed escape is ignored like an unknown parameter: the query only filters listings
            }
        }
        return params;
    }
}
