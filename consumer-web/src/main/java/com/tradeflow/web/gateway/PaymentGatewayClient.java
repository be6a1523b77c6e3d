package com.tradeflow.web.gateway;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payment gateway's merchant API over HTTP: create a payment, query one. Every call has a timeout.
 * {@link #create} is retried (Resilience4j: exponential backoff with jitter) on failures that can pass (no answer,
 * timeout, 5xx, 429) and never on a refusal (4xx): the merchant order number is the gateway's idempotency key, so a
 * retry after a timeout finds the payment the first call created instead of charging twice.
 */
@Component
public class PaymentGatewayClient {

    /** Sentinel resources of the two calls (degrade rules on them open a breaker around the gateway). */
    static final String CREATE_RESOURCE = "payment-gateway:create-payment";

    static final String QUERY_RESOURCE = "payment-gateway:query-payment";
    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayClient.class);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int NOT_FOUND = 404;
    private static final int SERVER_ERRORS = 500;
    private static final int CLIENT_ERRORS = 400;

    private final GatewayProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Retry retry;

    PaymentGatewayClient(GatewayProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.retry = Retry.of(
                "payment-gateway",
                RetryConfig.custom()
                        .maxAttempts(properties.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                                properties.initialBackoff(),
                                properties.backoffMultiplier(),
                                properties.backoffJitter()))
                        .retryOnException(PaymentGatewayClient::worthRetrying)
                        .build());
        retry.getEventPublisher()
                .onRetry(event -> log.info(
                        "payment gateway call failed (attempt {} of {}), " + "again in {}: {}",
                        event.getNumberOfRetryAttempts(),
                        properties.maxAttempts(),
                        event.getWaitInterval(),
                        event.getLastThrowable().getMessage()));
        if (!properties.configured()) {
            log.warn("payment gateway not configured (tradeflow.gateway.url, api-key, secret / GATEWAY_URL, "
                    + "GATEWAY_API_KEY, GATEWAY_SECRET): top-ups are refused");
        }
    }

    public boolean configured() {
        return properties.configured();
    }

    /** A failure that can pass, but not a refusal by a Sentinel rule: an open breaker stays open for a while. */
    private static boolean worthRetrying(Throwable e) {
        return e instanceof GatewayException g && g.retriable() && !(g.getCause() instanceof BlockException);
    }

    /**
     * Creates the payment, or finds it again when the gateway has it already (same number, amount and notify URL),
     * with retries. @throws GatewayException the last failure, when no attempt got an answer or one was refused
     */
    public GatewayPayment create(String merchantOrderNo, long amount, String notifyUrl) {
        return retry.executeSupplier(() -> createOnce(merchantOrderNo, amount, notifyUrl));
    }

    /** One attempt of {@link #create}: for the reconciliation job, whose own schedule is the retry. */
    public GatewayPayment createOnce(String merchantOrderNo, long amount, String notifyUrl) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(
                    Map.of("merchantOrderNo", merchantOrderNo, "amount", amount, "notifyUrl", notifyUrl));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a payment request", e);
        }
        HttpResponse<byte[]> response = send(
                request("/v1/payments")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                CREATE_RESOURCE,
                "create payment " + merchantOrderNo);
        return payment(response, "create payment " + merchantOrderNo);
    }

    /** The payment's status now; empty when the gateway has no such payment. No retry (the caller's schedule). */
    public Optional<GatewayPayment> find(String merchantOrderNo) {
        String what = "query payment " + merchantOrderNo;
        HttpResponse<byte[]> response = send(
                request("/v1/payments/" + URLEncoder.encode(merchantOrderNo, StandardCharsets.UTF_8))
                        .GET()
                        .build(),
                QUERY_RESOURCE,
                what);
        if (response.statusCode() == NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(payment(response, what));
    }

    private HttpRequest.Builder request(String path) {
        if (!properties.configured()) {
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE, 0, null, "payment gateway not configured", null);
        }
        return HttpRequest.newBuilder(URI.create(properties.url() + path))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Accept", "application/json");
    }

    /**
     * One HTTP call, as a Sentinel resource: no answer, a 5xx or a 429 counts as an error for its degrade rules; a
     * call refused by a rule (breaker open) fails at once as UNAVAILABLE, so the top-up stays PENDING for the job.
     */
    private HttpResponse<byte[]> send(HttpRequest request, String resource, String what) {
        Entry entry;
        try {
            entry = SphU.entry(resource, EntryType.OUT);
        } catch (BlockException e) {
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE,
                    0,
                    null,
                    what + ": not sent, Sentinel " + "refused " + resource + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= SERVER_ERRORS || response.statusCode() == TOO_MANY_REQUESTS) {
                Tracer.traceEntry(new IllegalStateException("gateway answered " + response.statusCode()), entry);
            }
            return response;
        } catch (IOException e) {
            Tracer.traceEntry(e, entry);
            // connection refused or reset, timed out: the gateway may or may not have done it; retry the same call
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, 0, null, what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, 0, null, what + ": interrupted", e);
        } finally {
            entry.exit();
        }
    }

    private GatewayPayment payment(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status >= SERVER_ERRORS || status == TOO_MANY_REQUESTS) {
            String code = errorCode(response);
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE,
                    status,
                    code,
                    what + ": gateway answered " + status + " " + code,
                    null);
        }
        if (status >= CLIENT_ERRORS) {
            String code = errorCode(response);
            throw new GatewayException(
                    GatewayException.Kind.REJECTED,
                    status,
                    code,
                    what + ": gateway refused with " + status + " " + code,
                    null);
        }
        try {
            return json.readValue(response.body(), GatewayPayment.class);
        } catch (IOException e) {
            // a 2xx we cannot read: as good as no answer (the query or a retry will tell)
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE,
                    status,
                    null,
                    what + ": unreadable answer (" + e.getMessage() + ")",
                    e);
        }
    }

    private String errorCode(HttpResponse<byte[]> response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body == null ? null : body.path("code").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
