package com.tradeflow.bench.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statements the database ran between two readings of its global status, by kind. The total is {@code Questions}
 * (every statement a client sent); each kind adds up its {@code Com_*} counters; {@code other} is what no kind
 * covers (SHOW, the probe's own reading among them).
 */
public record SqlStatements(long total, Map<String, Long> byKind) {

    /** The kinds, in report order. */
    public static final List<String> KINDS =
            List.of("select", "insert", "update", "delete", "commit", "rollback", "set_option", "xa", "other");

    static final String QUESTIONS = "questions";

    /** kind -> the status counters (lower case) it adds up. */
    private static final Map<String, List<String>> COUNTERS = orderedCounters();

    /**
     * @param before status variable (any case) -> value, from {@code SHOW GLOBAL STATUS}
     * @param after  the same, later
     */
    public static SqlStatements between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> first = lowerCase(before);
        Map<String, Long> last = lowerCase(after);
        Map<String, Long> byKind = new LinkedHashMap<>();
        long known = 0;
        for (Map.Entry<String, List<String>> kind : COUNTERS.entrySet()) {
            long count = kind.getValue().stream()
                    .mapToLong(counter -> delta(first, last, counter))
                    .sum();
            byKind.put(kind.getKey(), count);
            known += count;
        }
        long total = delta(first, last, QUESTIONS);
        byKind.put("other", Math.max(0, total - known));
        return new SqlStatements(total, byKind);
    }

    public long count(String kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String counter) {
        return Math.max(0, after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L));
    }

    private static Map<String, Long> lowerCase(Map<String, Long> status) {
        Map<String, Long> lower = new LinkedHashMap<>();
        status.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static Map<String, List<String>> orderedCounters() {
        Map<String, List<String>> counters = new LinkedHashMap<>();
        counters.put("select", List.of("com_select"));
        counters.put("insert", List.of("com_insert", "com_insert_select", "com_replace", "com_replace_select"));
        counters.put("update", List.of("com_update", "com_update_multi"));
        counters.put("delete", List.of("com_delete", "com_delete_multi"));
        counters.put("commit", List.of("com_commit"));
        counters.put("rollback", List.of("com_rollback", "com_rollback_to_savepoint"));
        counters.put("set_option", List.of("com_set_option"));
        counters.put(
                "xa",
                List.of(
                        "com_xa_start",
                        "com_xa_end",
                        "com_xa_prepare",
                        "com_xa_commit",
                        "com_xa_rollback",
                        "com_xa_recover"));
        return counters;
    }
}
