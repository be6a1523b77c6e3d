package com.tradeflow.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request of a chaos run and its answer, and every fault with its window, in the order they happened: what the
 * checker holds the databases to and what the report draws.
 */
final class ChaosHistory {

    /**
     * One request and its answer.
     *
     * @param kind    PURCHASE, CANCEL or TRANSFER
     * @param mode    the purchase's or cancellation's transaction mode, empty for a transfer
     * @param subject the order or transfer id the answer names, empty when it names none
     * @param status  the HTTP status, 0 when no answer came (connection refused, timeout)
     */
    record Op(String kind, String mode, long user, String subject, long startMillis, long endMillis, int status) {}

    /** A fault injected at {@code fromMillis} and healed at {@code toMillis}. */
    record Fault(String name, long fromMillis, long toMillis) {}

    private final List<Op> ops = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    void add(Op op) {
        ops.add(op);
    }

    void add(Fault fault) {
        faults.add(fault);
    }

    List<Op> ops() {
        return List.copyOf(ops);
    }

    List<Fault> faults() {
        return List.copyOf(faults);
    }

    /** Kind (with mode) to HTTP status to count. */
    Map<String, Map<Integer, Integer>> answers() {
        Map<String, Map<Integer, Integer>> answers = new TreeMap<>();
        for (Op op : ops) {
            String kind = op.mode().isEmpty() ? op.kind() : op.kind() + " " + op.mode();
            answers.computeIfAbsent(kind, k -> new TreeMap<>()).merge(op.status(), 1, Integer::sum);
        }
        return answers;
    }

    /** Window start (ms from {@code startMillis}) to answers in it: 2xx, and all. */
    Map<Long, int[]> perWindow(long startMillis, long windowMillis) {
        Map<Long, int[]> windows = new TreeMap<>();
        for (Op op : ops) {
            long window = (op.endMillis() - startMillis) / windowMillis * windowMillis;
            int[] counts = windows.computeIfAbsent(window, w -> new int[2]);
            if (op.status() / 100 == 2) {
                counts[0]++;
            }
            counts[1]++;
        }
        return windows;
    }
}
