package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.devstack.DevStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stack's payment gateway (gateway-sim) from a test's side: its admin API (faults, payments) and, for
 * notification tests, the shared secret to sign notifications as the gateway would (or to fail to).
 */
final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Every fault off. */
    static final String NO_FAULTS = "{\"errorRate\":0,\"timeoutRate\":0,\"latencyMillis\":0,\"lostNotificationRate\":0,"
            + "\"duplicateNotificationRate\":0,\"outOfOrderRate\":0,\"failedRate\":0,\"seed\":null}";

    private final String baseUrl;
    private final String adminToken;
    private final String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Gateway(DevStack stack) {
        this.baseUrl = stack.options().effectiveGatewayUrl();
        this.adminToken = stack.options().adminToken();
        this.secret = stack.options().gatewaySecret();
    }

    /** PUT /admin/faults (fields left out keep their value). */
    void faults(String json) {
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (reply.has("code")) {
            throw new IllegalStateException("gateway refused faults " + json + ": " + reply);
        }
    }

    /** merchantOrderNo -> the gateway's payment (status, amount, notification state ...). */
    Map<String, JsonNode> payments() {
        Map<String, JsonNode> byNumber = new HashMap<>();
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/payments")).GET())
                .path("payments")
                .forEach(p -> byNumber.put(p.path("merchantOrderNo").asText(), p));
        return byNumber;
    }

    JsonNode stats() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/stats")).GET());
    }

    /** The signature the gateway would send for this body at this timestamp. */
    String sign(long epochSeconds, String body) {
        return sign(secret, epochSeconds, body);
    }

    static String sign(String key, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("gateway admin API: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
