package com.tradeflow.gatewaysim.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The faults the gateway injects; all rates are probabilities in [0, 1], decided per request (merchant API) or
 * per payment (notifications, outcome).
 *
 * @param errorRate                 merchant API answers 500 without doing anything
 * @param timeoutRate               merchant API does the work but answers {@code timeoutDelayMillis} late, so the
 *                                  client times out not knowing whether its payment exists
 * @param timeoutDelayMillis        how late a "timed out" answer is
 * @param latencyMillis             added to every merchant API answer
 * @param lostNotificationRate      none of a payment's notifications is ever sent: only a query finds the result
 * @param duplicateNotificationRate the first notification is sent twice at once
 * @param outOfOrderRate            after the final notification a stale PENDING one arrives
 * @param failedRate                a payment ends FAILED instead of SUCCEEDED
 * @param seed                      makes the decisions reproducible; null draws from a random seed
 */
public record Faults(
        double errorRate,
        double timeoutRate,
        long timeoutDelayMillis,
        long latencyMillis,
        double lostNotificationRate,
        double duplicateNotificationRate,
        double outOfOrderRate,
        double failedRate,
        Long seed) {

    public static final long DEFAULT_TIMEOUT_DELAY_MILLIS = 10_000;
    /** Ten minutes: any longer and a forgotten setting looks like a hung gateway rather than a slow one. */
    public static final long MAX_DELAY_MILLIS = 600_000;

    public Faults {
        rate("errorRate", errorRate);
        rate("timeoutRate", timeoutRate);
        millis("timeoutDelayMillis", timeoutDelayMillis);
        millis("latencyMillis", latencyMillis);
        rate("lostNotificationRate", lostNotificationRate);
        rate("duplicateNotificationRate", duplicateNotificationRate);
        rate("outOfOrderRate", outOfOrderRate);
        rate("failedRate", failedRate);
    }

    /** A well-behaved gateway. */
    public static Faults none() {
        return new Faults(0, 0, DEFAULT_TIMEOUT_DELAY_MILLIS, 0, 0, 0, 0, 0, null);
    }

    /** The settings by their JSON names, the shape of {@code GET /admin/faults}. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("errorRate", errorRate);
        map.put("timeoutRate", timeoutRate);
        map.put("timeoutDelayMillis", timeoutDelayMillis);
        map.put("latencyMillis", latencyMillis);
        map.put("lostNotificationRate", lostNotificationRate);
        map.put("duplicateNotificationRate", duplicateNotificationRate);
        map.put("outOfOrderRate", outOfOrderRate);
        map.put("failedRate", failedRate);
        map.put("seed", seed);
        return map;
    }

    private static void rate(String name, double value) {
        if (!(value >= 0 && value <= 1)) { // also refuses NaN
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }

    private static void millis(String name, long value) {
        if (value < 0 || value > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_DELAY_MILLIS + ": " + value);
        }
    }
}
