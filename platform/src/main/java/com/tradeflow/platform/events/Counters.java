package com.tradeflow.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counters that order events add to (points per user, units sold per product, a day's sales per product): the
 * changes of a batch of events in one statement, {@code INSERT ... ON DUPLICATE KEY UPDATE count = count +
 * VALUES(count)}, a row per key. Keys go in ascending order, so two batches that change the same rows lock them in
 * the same order.
 */
public final class Counters {

    private Counters() {}

    /**
     * One counters row's change.
     *
     * @param key    the values of its key columns
     * @param deltas what to add to each count column
     */
    public record Change(List<Object> key, List<Long> deltas) {}

    /**
     * @param table       the counters' table (a constant of the caller, never input)
     * @param keyColumn   its key column
     * @param countColumn the column added to
     * @param deltas      key to the change of its count
     */
    public static void add(
            JdbcTemplate jdbc, String table, String keyColumn, String countColumn, Map<Long, Long> deltas) {
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(deltas).forEach((key, delta) -> changes.add(new Change(List.of(key), List.of(delta))));
        add(jdbc, table, List.of(keyColumn), List.of(countColumn), changes);
    }

    /**
     * @param table        the counters' table (a constant of the caller, never input)
     * @param keyColumns   its key columns
     * @param countColumns the columns added to
     * @param changes      one per key, in ascending key order
     */
    public static void add(
            JdbcTemplate jdbc, String table, List<String> keyColumns, List<String> countColumns, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(countColumns);
        jdbc.update(
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                        + MultiRowValues.placeholders(changes.size(), columns.size()) + " ON DUPLICATE KEY UPDATE "
                        + countColumns.stream()
                                .map(c -> c + " = " + c + " + VALUES(" + c + ")")
                                .collect(Collectors.joining(", ")),
                MultiRowValues.values(changes, change -> {
                    List<Object> row = new ArrayList<>(change.key());
                    row.addAll(change.deltas());
                    return row;
                }));
    }
}
