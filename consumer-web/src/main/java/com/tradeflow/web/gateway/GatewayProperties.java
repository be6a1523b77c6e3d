package com.tradeflow.web.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.gateway.*}: where the payment gateway is, our credentials, and how calls to it time out and are
 * retried. The API key and the secret are never logged.
 *
 * @param url                 the gateway's base URL; blank: top-ups are refused (503), callbacks too (401)
 * @param apiKey              merchant API bearer key
 * @param secret              shared secret of the notification signatures (HMAC-SHA256)
 * @param connectTimeout      to open a connection
 * @param requestTimeout      for the whole answer; a slower gateway counts as failed (and retriable: the call is
 *                            idempotent on the merchant order number)
 * @param maxAttempts         calls per operation, the first included
 * @param initialBackoff      wait after the first failure; grows by {@code backoffMultiplier}, +-{@code backoffJitter}
 * @param notificationMaxAge  a notification signed longer ago is refused: a captured one cannot be replayed later
 * @param maxClockSkew        how far in the future a notification's timestamp may be (the gateway's clock)
 */
@ConfigurationProperties("tradeflow.gateway")
public record GatewayProperties(
        String url,
        String apiKey,
        String secret,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        double backoffJitter,
        Duration notificationMaxAge,
        Duration maxClockSkew) {

    public GatewayProperties {
        if (connectTimeout == null
                || requestTimeout == null
                || initialBackoff == null
                || maxAttempts < 1
                || backoffMultiplier < 1
                || backoffJitter < 0
                || backoffJitter >= 1
                || notificationMaxAge == null
                || maxClockSkew == null) {
            throw new IllegalArgumentException("tradeflow.gateway: connect-timeout, request-timeout, initial-backoff, "
                    + "notification-max-age and max-clock-skew must be set; max-attempts >= 1; backoff-multiplier "
                    + ">= 1; backoff-jitter in [0, 1)");
        }
        url = url == null ? "" : url.strip().replaceAll("/+$", "");
        apiKey = apiKey == null ? "" : apiKey;
        secret = secret == null ? "" : secret;
    }

    public boolean configured() {
        return !url.isBlank() && !apiKey.isBlank() && !secret.isBlank();
    }

    /** Without the credentials: safe to log. */
    @Override
    public String toString() {
        return "GatewayProperties[url=" + url + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
                + "]";
    }
}
