package com.tradeflow.bench.load;

/**
 * One request of a scenario: method, path under the base URL, JSON body (or null), the Idempotency-Key header (or
 * null), which a real client sends once per logical request, and the user it acts for (its access token goes with
 * it).
 */
public record HttpCall(String method, String path, String jsonBody, String idempotencyKey, long userId) {

    public static HttpCall post(long userId, String path, String jsonBody, String idempotencyKey) {
        return new HttpCall("POST", path, jsonBody, idempotencyKey, userId);
    }
}
