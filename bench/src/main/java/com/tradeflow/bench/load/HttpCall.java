package com.tradeflow.bench.load;

/**
 * One request of a scenario: method, path under the base URL, JSON body (or null) and the Idempotency-Key header
 * (or null), which a real client sends once per logical request.
 */
public record HttpCall(String method, String path, String jsonBody, String idempotencyKey) {

    public static HttpCall post(String path, String jsonBody, String idempotencyKey) {
        return new HttpCall("POST", path, jsonBody, idempotencyKey);
    }
}
