package com.tradeflow.gatewaysim.fault;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Applies named changes ({@code {"errorRate":0.2,"seed":42}}) to the current {@link Faults}: settings not named
 * keep their value. Shared by {@code PUT /admin/faults} and the command line, so both refuse the same things.
 * An unknown name is refused rather than ignored: a typo in a fault setting would otherwise pass silently and
 * the test would prove nothing.
 */
public final class FaultChanges {

    private FaultChanges() {}

    /**
     * @param changes JSON values: numbers (Integer, Long, Double, BigInteger, BigDecimal), null only for seed
     * @throws IllegalArgumentException naming the first bad setting
     */
    public static Faults apply(Faults current, Map<String, ?> changes) {
        double errorRate = current.errorRate();
        double timeoutRate = current.timeoutRate();
        long timeoutDelayMillis = current.timeoutDelayMillis();
        long latencyMillis = current.latencyMillis();
        double lostNotificationRate = current.lostNotificationRate();
        double duplicateNotificationRate = current.duplicateNotificationRate();
        double outOfOrderRate = current.outOfOrderRate();
        double failedRate = current.failedRate();
        Long seed = current.seed();
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            String name = change.getKey();
            Object value = change.getValue();
            switch (name) {
                case "errorRate" -> errorRate = decimal(name, value);
                case "timeoutRate" -> timeoutRate = decimal(name, value);
                case "timeoutDelayMillis" -> timeoutDelayMillis = integral(name, value);
                case "latencyMillis" -> latencyMillis = integral(name, value);
                case "lostNotificationRate" -> lostNotificationRate = decimal(name, value);
                case "duplicateNotificationRate" -> duplicateNotificationRate = decimal(name, value);
                case "outOfOrderRate" -> outOfOrderRate = decimal(name, value);
                case "failedRate" -> failedRate = decimal(name, value);
                case "seed" -> seed = value == null ? null : integral(name, value);
                default -> throw new IllegalArgumentException("unknown fault setting: " + name);
            }
        }
        return new Faults(
                errorRate,
                timeoutRate,
                timeoutDelayMillis,
                latencyMillis,
                lostNotificationRate,
                duplicateNotificationRate,
                outOfOrderRate,
                failedRate,
                seed);
    }

    private static double decimal(String name, Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(name + " must be a number: " + value);
        }
        return number.doubleValue();
    }

    private static long integral(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException(name + " must be a whole number: " + value);
    }
}
