package com.tradeflow.gatewaysim;

import com.tradeflow.gatewaysim.fault.Faults;
import com.tradeflow.gatewaysim.notification.RetryBackoff;
import java.time.Duration;

/**
 * How a {@link GatewaySim} runs. Port 0 picks a free port (tests). {@link #toString()} hides the credentials,
 * so the options can be logged.
 *
 * @param host          loopback: the simulator is for one machine's tests and local stack
 * @param apiKey        merchants send it as {@code Authorization: Bearer <apiKey>}
 * @param secret        signs notifications (HMAC-SHA256)
 * @param adminToken    the admin API's {@code Authorization: Bearer <adminToken>}
 * @param settleDelay   how long a payment stays PENDING before it settles
 * @param notifyRetry   when unacknowledged notifications are sent again, and how often at most
 * @param notifyTimeout a merchant answering a notification slower than this has not acknowledged it
 * @param faults        the faults in force at start; the admin API changes them later
 */
public record GatewaySimOptions(
        String host,
        int port,
        String apiKey,
        String secret,
        String adminToken,
        Duration settleDelay,
        RetryBackoff notifyRetry,
        Duration notifyTimeout,
        Faults faults) {

    public static final int DEFAULT_PORT = 8090;
    public static final Duration DEFAULT_SETTLE_DELAY = Duration.ofMillis(200);
    public static final Duration DEFAULT_NOTIFY_TIMEOUT = Duration.ofSeconds(5);

    public GatewaySimOptions {
        requireText(apiKey, "api key");
        requireText(secret, "secret");
        requireText(adminToken, "admin token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (settleDelay.isNegative()) {
            throw new IllegalArgumentException("settle delay must not be negative: " + settleDelay);
        }
        if (notifyTimeout.isNegative() || notifyTimeout.isZero()) {
            throw new IllegalArgumentException("notify timeout must be positive: " + notifyTimeout);
        }
    }

    public static GatewaySimOptions defaults(String apiKey, String secret, String adminToken) {
        return new GatewaySimOptions(
                "127.0.0.1",
                DEFAULT_PORT,
                apiKey,
                secret,
                adminToken,
                DEFAULT_SETTLE_DELAY,
                RetryBackoff.defaults(),
                DEFAULT_NOTIFY_TIMEOUT,
                Faults.none());
    }

    public GatewaySimOptions withPort(int port) {
        return new GatewaySimOptions(
                host, port, apiKey, secret, adminToken, settleDelay, notifyRetry, notifyTimeout, faults);
    }

    public GatewaySimOptions withSettleDelay(Duration settleDelay) {
        return new GatewaySimOptions(
                host, port, apiKey, secret, adminToken, settleDelay, notifyRetry, notifyTimeout, faults);
    }

    public GatewaySimOptions withNotifyRetry(RetryBackoff notifyRetry) {
        return new GatewaySimOptions(
                host, port, apiKey, secret, adminToken, settleDelay, notifyRetry, notifyTimeout, faults);
    }

    public GatewaySimOptions withNotifyTimeout(Duration notifyTimeout) {
        return new GatewaySimOptions(
                host, port, apiKey, secret, adminToken, settleDelay, notifyRetry, notifyTimeout, faults);
    }

    public GatewaySimOptions withFaults(Faults faults) {
        return new GatewaySimOptions(
                host, port, apiKey, secret, adminToken, settleDelay, notifyRetry, notifyTimeout, faults);
    }

    @Override
    public String toString() {
        return "GatewaySimOptions[host=" + host + ", port=" + port + ", settleDelay=" + settleDelay.toMillis()
                + "ms, notifyRetry=" + notifyRetry + ", notifyTimeout=" + notifyTimeout.toMillis() + "ms, faults="
                + faults.asMap() + " (api key, secret and admin token hidden)]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
