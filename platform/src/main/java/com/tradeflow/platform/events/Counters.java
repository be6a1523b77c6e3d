package com.tradeflow.platform.events;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counters that order events add to (points per user, units sold per product): the changes of a batch of events in
 * one statement, {@code INSERT ... ON DUPLICATE KEY UPDATE count = count + VALUES(count)}, a row per key. Keys go
 * in ascending order, so two batches that change the same rows lock them in the same order.
 */
public final class Counters {

    private Counters() {
    }

    /**
     * @param table       the counters' table (a constant of the caller, never input)
     * @param keyColumn   its key column
     * @param countColumn the column added to
     * @param deltas      key to the change of its count
     */
    public static void add(JdbcTemplate jdbc, String table, String keyColumn, String countColumn,
            Map<Long, Long> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        SortedMap<Long, Long> sorted = new TreeMap<>(deltas);
        List<Object> values = new ArrayList<>();
        sorted.forEach((key, delta) -> values.addAll(List.of(key, delta)));
        jdbc.update("INSERT INTO " + table + " (" + keyColumn + ", " + countColumn + ") VALUES "
                + String.join(", ", Collections.nCopies(sorted.size(), "(?, ?)"))
                + " ON DUPLICATE KEY UPDATE " + countColumn + " = " + countColumn + " + VALUES(" + countColumn + ")",
                values.toArray());
    }
}
