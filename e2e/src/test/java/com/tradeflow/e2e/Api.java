package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.service.ServiceName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The web API over HTTP, as a user calls it: {@link #as} a user (with that user's access token), or without a token
 * (public endpoints, or to see a refusal). Methods that take a user id send that user's token.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String adminToken;
    private final Tokens tokens;
    /** The Authorization header of every request of this view, or null for none. */
    private final Supplier<String> authorization;

    /**
     * @param adminToken the static admin bearer token of {@code /api/admin/**}
     * @param tokens     users' access tokens
     */
    Api(String base, String adminToken, Tokens tokens) {
        this(base, adminToken, tokens, () -> null);
    }

    private Api(String base, String adminToken, Tokens tokens, Supplier<String> authorization) {
        this.base = base;
        this.adminToken = adminToken;
        this.tokens = tokens;
        this.authorization = authorization;
    }

    /** The API of a running stack's consumer-web instance, for benchmarks that start their own stack. */
    static Api of(DevStack stack, ServiceName web) {
        return of(stack, web, new Tokens(stack.options().identity()));
    }

    /** The API of a consumer-web instance whose users sign in through {@code tokens} (shared between instances). */
    static Api of(DevStack stack, ServiceName web, Tokens tokens) {
        return new Api(stack.webUrl(web), stack.options().adminToken(), tokens);
    }

    /** The same API called by user {@code userId}: every request carries that user's access token. */
    public Api as(long userId) {
        return new Api(base, adminToken, tokens, () -> "Bearer " + tokens.user(userId));
    }

    /** The same API called by user admin (an admin's access token, not the static admin token). */
    public Api asAdmin() {
        return new Api(base, adminToken, tokens, () -> "Bearer " + tokens.admin());
    }

    /** The same API with exactly this Authorization header (null: none), to see what a forged token gets. */
    public Api withAuthorization(String header) {
        return new Api(base, adminToken, tokens, () -> header);
    }

    /** A user's access token, to take apart or forge from. */
    public String tokenOf(long userId) {
        return tokens.user(userId);
    }

    /** GET of an admin endpoint, with the admin bearer token. */
    public Reply adminGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .GET());
    }

    /** POST (no body) to an admin endpoint, with the admin bearer token. */
    public Reply adminPost(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST of a JSON body to an admin endpoint (or {@code POST /api/flash-sales}), with the admin bearer token. */
    public Reply adminPost(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A response: status and parsed JSON body (a missing node when the body is empty). */
    public record Reply(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText();
        }
    }

    public Reply get(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET());
    }

    public Reply post(String path, String json) {
        return post(path, json, null);
    }

    public Reply post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Reply placeOrder(long userId, long skuId, int quantity) {
        return placeOrder(userId, skuId, quantity, "AT");
    }

    /** {@code POST /api/orders} as user {@code userId}, the user named in the body too. */
    public Reply placeOrder(long userId, long skuId, int quantity, String mode) {
        return as(userId).post("/api/orders", order(userId, skuId, quantity, mode), null);
    }

    /** {@code POST /api/orders} with an Idempotency-Key: asked again with the same key, it is the same purchase. */
    public Reply placeOrder(long userId, long skuId, int quantity, String mode, String idempotencyKey) {
        return as(userId).post("/api/orders", order(userId, skuId, quantity, mode), idempotencyKey);
    }

    public static String order(long userId, long skuId, int quantity) {
        return order(userId, skuId, quantity, "AT");
    }

    public static String order(long userId, long skuId, int quantity, String mode) {
        return "{\"userId\":" + userId + ",\"skuId\":" + skuId + ",\"quantity\":" + quantity + ",\"mode\":\"" + mode
                + "\"}";
    }

    /** POST /api/wallets/{userId}/topups as that user, with an Idempotency-Key (null: none). */
    public Reply topUp(long userId, long amount, String idempotencyKey) {
        return as(userId).post("/api/wallets/" + userId + "/topups", "{\"amount\":" + amount + "}", idempotencyKey);
    }

    /** A payment notification as the gateway POSTs it; null headers are left out. */
    public Reply callback(String timestamp, String signature, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/payments/callback"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Gateway-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Gateway-Signature", signature);
        }
        return send(request);
    }

    /** The order's cancellation, asked by user {@code userId}. */
    public Reply cancel(String orderId, long userId) {
        return as(userId).post("/api/orders/" + orderId + "/cancel", "{\"userId\":" + userId + "}", null);
    }

    /** {@code GET /api/orders/{orderId}} as user {@code userId}. */
    public Reply order(long userId, String orderId) {
        return as(userId).get("/api/orders/" + orderId);
    }

    public long frozen(long userId) {
        return as(userId).get("/api/wallets/" + userId).body().path("frozen").asLong();
    }

    public long reserved(long skuId) {
        return get("/api/products/" + skuId).body().path("reserved").asLong();
    }

    public long balance(long userId) {
        return as(userId).get("/api/wallets/" + userId).body().path("balance").asLong();
    }

    public long available(long skuId) {
        return get("/api/products/" + skuId).body().path("available").asLong();
    }

    public long price(long skuId) {
        return get("/api/products/" + skuId).body().path("price").asLong();
    }

    /** Arms or disarms a test-only fault switch on a service's actuator. */
    public void fault(int servicePort, String fault, boolean armed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + servicePort + "/actuator/faults/" + fault))
                .timeout(TIMEOUT);
        Reply reply = send(armed ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.DELETE());
        if (reply.status() != 200) {
            throw new IllegalStateException("fault switch " + fault + " answered " + reply);
        }
    }

    /** Test-only: has the service deliver again the TCC confirms and cancels it received for the XID. */
    public Reply redeliverPhaseTwo(int servicePort, String xid) {
        return send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort + "/actuator/tccredelivery/" + xid))
                        .timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Sends with this view's Authorization header, unless the request has its own (the admin token's). */
    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String header = authorization.get();
        if (header != null && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", header)
                    .build();
        }
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
