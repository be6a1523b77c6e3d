package com.tradeflow.gatewaysim.support;

import com.tradeflow.gatewaysim.GatewaySimOptions;
import com.tradeflow.gatewaysim.notification.RetryBackoff;
import java.time.Duration;

/** Options that make a test gateway quick: free port, short settle delay and re-send intervals. */
public final class TestGateway {

    public static final String API_KEY = "test-api-key";
    public static final String SECRET = "test-secret";
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final Duration SETTLE_DELAY = Duration.ofMillis(50);
    public static final RetryBackoff RETRY = new RetryBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 8);

    private TestGateway() {}

    public static GatewaySimOptions options() {
        return GatewaySimOptions.defaults(API_KEY, SECRET, ADMIN_TOKEN)
                .withPort(0)
                .withSettleDelay(SETTLE_DELAY)
                .withNotifyRetry(RETRY)
                .withNotifyTimeout(Duration.ofSeconds(2));
    }

    /** A create-payment body. */
    public static String payment(String merchantOrderNo, long amount, String notifyUrl) {
        return "{\"merchantOrderNo\":\"" + merchantOrderNo + "\",\"amount\":" + amount + ",\"notifyUrl\":\"" + notifyUrl
                + "\"}";
    }
}
