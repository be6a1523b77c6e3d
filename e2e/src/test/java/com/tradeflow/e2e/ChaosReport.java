package com.tradeflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** A chaos run as markdown: what ran, the fault timeline, answers, throughput over time, and the checker's verdict. */
final class ChaosReport {

    private static final long WINDOW_MILLIS = 5_000;

    private ChaosReport() {}

    static Path write(
            Path dir,
            ChaosRun run,
            ChaosHistory history,
            java.util.List<String> violations,
            long startMillis,
            long endMillis) {
        StringBuilder md = new StringBuilder();
        md.append("# Chaos run ").append(Instant.ofEpochMilli(startMillis)).append("\n\n");
        md.append(String.format(
                "- workload: %d clients for %d s (purchases in AT, TCC, XA, some cancelled; transfers), seed %d%n",
                run.clients(), run.duration().toSeconds(), run.seed()));
        md.append(String.format(
                "- faults: one at a time, every %d s for %d s, from %d kinds%n%n",
                run.faultEvery().toSeconds(),
                run.faultFor().toSeconds(),
                run.faults().size()));
        md.append("## Verdict\n\n");
        if (violations.isEmpty()) {
            md.append("**No violation**: money and stock conserved, every order the same in the three books, every 2xx"
                    + " durable, nothing left in flight.\n\n");
        } else {
            md.append("**").append(violations.size()).append(" violation(s)**:\n\n");
            violations.forEach(v -> md.append("- ").append(v).append('\n'));
            md.append('\n');
        }
        md.append("## Faults\n\n| from s | to s | fault |\n|---:|---:|---|\n");
        for (ChaosHistory.Fault fault : history.faults()) {
            md.append(String.format(
                    "| %.1f | %.1f | %s |%n",
                    (fault.fromMillis() - startMillis) / 1000.0,
                    (fault.toMillis() - startMillis) / 1000.0,
                    fault.name()));
        }
        md.append("\n## Answers\n\n| request | answers by HTTP status (0: none) |\n|---|---|\n");
        history.answers()
                .forEach((kind, statuses) -> md.append("| ")
                        .append(kind)
                        .append(" | ")
                        .append(statuses)
                        .append(" |\n"));
        md.append("\n## Over time (").append(WINDOW_MILLIS / 1000).append(" s windows)\n\n");
        md.append("| from s | answered/s | 2xx/s | error % | fault |\n|---:|---:|---:|---:|---|\n");
        for (Map.Entry<Long, int[]> window :
                history.perWindow(startMillis, WINDOW_MILLIS).entrySet()) {
            long from = window.getKey();
            int[] counts = window.getValue();
            String fault = history.faults().stream()
                    .filter(f ->
                            f.fromMillis() - startMillis < from + WINDOW_MILLIS && f.toMillis() - startMillis > from)
                    .map(ChaosHistory.Fault::name)
                    .findFirst()
                    .orElse("");
            md.append(String.format(
                    "| %d | %.1f | %.1f | %.0f | %s |%n",
                    from / 1000,
                    counts[1] * 1000.0 / WINDOW_MILLIS,
                    counts[0] * 1000.0 / WINDOW_MILLIS,
                    100.0 * (counts[1] - counts[0]) / Math.max(1, counts[1]),
                    fault));
        }
        md.append(String.format("%nRun time %.0f s.%n", (endMillis - startMillis) / 1000.0));
        try {
            Files.createDirectories(dir);
            Path report = dir.resolve("chaos-" + startMillis + ".md");
            Files.writeString(report, md.toString());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chaos report to " + dir, e);
        }
    }
}
