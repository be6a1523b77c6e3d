package com.tradeflow.bench.report;

import java.util.LinkedHashSet;
import java.util.List;

/** Table columns shared by the reports: the processes measured in any mode, in the stack's order. */
final class Columns {

    private Columns() {}

    static List<String> processes(List<ModeResult> results) {
        LinkedHashSet<String> processes = new LinkedHashSet<>();
        results.forEach(result -> processes.addAll(result.usage().cpuMillis().keySet()));
        return List.copyOf(processes);
    }
}
