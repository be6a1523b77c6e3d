package com.tradeflow.bench.report;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** How the reports write numbers: fixed decimals per kind of figure, "n/a" for a figure that does not exist. */
final class Figures {

    static final String NOT_AVAILABLE = "n/a";

    private Figures() {}

    /** Latencies, rates, SQL statements per unit: one decimal. */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Ratios and CPU ms per unit: two decimals. */
    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** CPU ms per request of the load generator: three decimals (it is a fraction of a millisecond). */
    static String threeDecimals(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String twoDecimals(OptionalDouble value) {
        return value.isPresent() ? twoDecimals(value.getAsDouble()) : NOT_AVAILABLE;
    }

    static String twoDecimals(Double value) {
        return value == null ? NOT_AVAILABLE : twoDecimals(value.doubleValue());
    }

    /** {@code 201: 5890, 409 CONCURRENT_UPDATE: 12}. */
    static String answers(Map<String, Long> answers, String separator) {
        return answers.isEmpty()
                ? "none"
                : answers.entrySet().stream()
                        .map(e -> e.getKey() + separator + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
