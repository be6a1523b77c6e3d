package com.tradeflow.gatewaysim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A plain HTTP client for the tests, as a merchant or an operator would call the gateway. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final String token;

    /** @param token sent as {@code Authorization: Bearer <token>}; null sends no Authorization header */
    public GatewayClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public record Response(int status, JsonNode json, HttpResponse<String> raw) {

        public String code() {
            return json.path("code").asText(null);
        }
    }

    public GatewayClient withToken(String otherToken) {
        return new GatewayClient(baseUrl, otherToken);
    }

    public Response get(String path) throws HttpTimeoutException {
        return send(request(path, DEFAULT_TIMEOUT).GET());
    }

    public Response post(String path, String body) throws HttpTimeoutException {
        return post(path, body, DEFAULT_TIMEOUT);
    }

    public Response post(String path, String body, Duration timeout) throws HttpTimeoutException {
        return send(request(path, timeout).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) throws HttpTimeoutException {
        return send(request(path, DEFAULT_TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Creates a payment and returns the answer. */
    public Response createPayment(String merchantOrderNo, long amount, String notifyUrl) throws HttpTimeoutException {
        return post("/v1/payments", TestGateway.payment(merchantOrderNo, amount, notifyUrl));
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) throws HttpTimeoutException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response);
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
