package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The web API over HTTP, as a user calls it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param adminToken the bearer token of {@code /api/admin/**} */
    Api(String base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** GET of an admin endpoint, with the admin bearer token. */
    public Reply adminGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken).GET().build());
    }

    /** POST (no body) to an admin endpoint, with the admin bearer token. */
    public Reply adminPost(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** POST of a JSON body to an admin endpoint (or {@code POST /api/flash-sales}), with the admin bearer token. */
    public Reply adminPost(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A response: status and parsed JSON body (a missing node when the body is empty). */
    public record Reply(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText();
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
    }

    public Reply post(String path, String json) {
        return post(path, json, null);
    }

    public Reply post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Reply placeOrder(long userId, long skuId, int quantity) {
        return placeOrder(userId, skuId, quantity, "AT");
    }

    public Reply placeOrder(long userId, long skuId, int quantity, String mode) {
        return post("/api/orders", order(userId, skuId, quantity, mode), null);
    }

    public static String order(long userId, long skuId, int quantity) {
        return order(userId, skuId, quantity, "AT");
    }

    public static String order(long userId, long skuId, int quantity, String mode) {
        return "{\"userId\":" + userId + ",\"skuId\":" + skuId + ",\"quantity\":" + quantity + ",\"mode\":\""
                + mode + "\"}";
    }

    /** POST /api/wallets/{userId}/topups with an Idempotency-Key (null: none). */
    public Reply topUp(long userId, long amount, String idempotencyKey) {
        return post("/api/wallets/" + userId + "/topups", "{\"amount\":" + amount + "}", idempotencyKey);
    }

    /** A payment notification as the gateway POSTs it; null headers are left out. */
    public Reply callback(String timestamp, String signature, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/payments/callback"))
                .timeout(TIMEOUT).header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Gateway-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Gateway-Signature", signature);
        }
        return send(request.build());
    }

    public Reply cancel(String orderId, long userId) {
        return post("/api/orders/" + orderId + "/cancel", "{\"userId\":" + userId + "}", null);
    }

    public Reply order(String orderId) {
        return get("/api/orders/" + orderId);
    }

    public long frozen(long userId) {
        return get("/api/wallets/" + userId).body().path("frozen").asLong();
    }

    public long reserved(long skuId) {
        return get("/api/products/" + skuId).body().path("reserved").asLong();
    }

    public long balance(long userId) {
        return get("/api/wallets/" + userId).body().path("balance").asLong();
    }

    public long available(long skuId) {
        return get("/api/products/" + skuId).body().path("available").asLong();
    }

    public long price(long skuId) {
        return get("/api/products/" + skuId).body().path("price").asLong();
    }

    /** Arms or disarms a test-only fault switch on a service's actuator. */
    public void fault(int servicePort, String fault, boolean armed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort
                + "/actuator/faults/" + fault)).timeout(TIMEOUT);
        Reply reply = send(armed ? request.POST(HttpRequest.BodyPublishers.noBody()).build()
                : request.DELETE().build());
        if (reply.status() != 200) {
            throw new IllegalStateException("fault switch " + fault + " answered " + reply);
        }
    }

    /** Test-only: has the service deliver again the TCC confirms and cancels it received for the XID. */
    public Reply redeliverPhaseTwo(int servicePort, String xid) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort + "/actuator/tccredelivery/"
                + xid)).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
