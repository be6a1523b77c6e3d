package com.tradeflow.gatewaysim.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ISO-8601 UTC with milliseconds, e.g. {@code 2025-05-01T12:00:00.123Z}: what every JSON body carries. */
public final class Timestamps {

    private Timestamps() {}

    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
