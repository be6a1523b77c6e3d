package com.tradeflow.nacos.devserver.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One HTTP request with its parameters merged from the query string and a form body, the way Nacos' v1 API
 * accepts them (nacos-client 1.4 sends some in the query and some in the body).
 */
final class HttpCall {

    /** A URL-encoded 10 MB config can triple in size; anything larger is refused before it is decoded. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> params = new HashMap<>();

    private HttpCall(HttpExchange exchange) {
        this.exchange = exchange;
    }

    static HttpCall read(HttpExchange exchange) throws IOException, BadRequest {
        HttpCall call = new HttpCall(exchange);
        parseInto(exchange.getRequestURI().getRawQuery(), call.params);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = readBody(exchange.getRequestBody());
        if (body.length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
            parseInto(new String(body, StandardCharsets.UTF_8), call.params);
        }
        return call;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String remoteIp() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    String param(String name) {
        return params.get(name);
    }

    String param(String name, String fallback) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    String required(String name) throws BadRequest {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw BadRequest.missing(name);
        }
        return value;
    }

    int intParam(String name, int fallback) throws BadRequest {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw BadRequest.invalid(name, value);
        }
    }

    double doubleParam(String name, double fallback) throws BadRequest {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw BadRequest.invalid(name, value);
        }
    }

    boolean boolParam(String name, boolean fallback) {
        String value = params.get(name);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    private static byte[] readBody(InputStream in) throws IOException, BadRequest {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BadRequest(413, 20002, "request body too large: over " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static void parseInto(String raw, Map<String, String> into) throws BadRequest {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                into.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, 20002, "malformed URL encoding in '" + abbreviate(pair) + "'");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
