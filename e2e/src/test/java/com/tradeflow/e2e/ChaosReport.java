package com.tradeflow.e2e;

import com.tradeflow.bench.report.Charts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A chaos run as markdown: what ran, the fault timeline, answers, throughput over time (a table and a PNG chart with
 * the faults shaded), and the checker's verdict.
 */
final class ChaosReport {

    private static final long WINDOW_MILLIS = 5_000;

    private ChaosReport() {}

    static Path write(
            Path dir,
            ChaosRun run,
            ChaosHistory history,
            int webs,
            List<String> violations,
            long startMillis,
            long endMillis) {
        String name = "chaos-" + startMillis;
        StringBuilder md = new StringBuilder();
        md.append("# Chaos run ").append(Instant.ofEpochMilli(startMillis)).append("\n\n");
        md.append(String.format(
                "- workload: %d clients over %d web instances for %d s: purchases in AT, TCC, XA (some cancelled),"
                        + " transfers, top-ups, flash-sale tickets; seed %d%n",
                run.clients(), webs, run.duration().toSeconds(), run.seed()));
        md.append(String.format(
                "- faults: %s, every %d s for %d s, from %d kinds%n%n",
                run.faults().atOnce() > 1 ? "one or two at a time" : "one at a time",
                run.faults().every().toSeconds(),
                run.faults().lasting().toSeconds(),
                run.faults().kinds().size()));
        md.append("## Verdict\n\n");
        if (violations.isEmpty()) {
            md.append("**No violation**: money and stock conserved, every order the same in the three books, every"
                    + " succeeded top-up credited once, the flash sale's books agree, every event applied exactly once,"
                    + " every 2xx durable, nothing left in flight.\n\n");
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
        md.append("![answers per second, faults shaded](").append(name).append(".png)\n\n");
        md.append("| from s | answered/s | 2xx/s | error % | fault |\n|---:|---:|---:|---:|---|\n");
        for (Map.Entry<Long, int[]> window :
                history.perWindow(startMillis, WINDOW_MILLIS).entrySet()) {
            long from = window.getKey();
            int[] counts = window.getValue();
            String fault = history.faults().stream()
                    .filter(f ->
                            f.fromMillis() - startMillis < from + WINDOW_MILLIS && f.toMillis() - startMillis > from)
                    .map(ChaosHistory.Fault::name)
                    .distinct()
                    .collect(Collectors.joining(", "));
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
            chart(history, startMillis, dir.resolve(name + ".png"));
            Path report = dir.resolve(name + ".md");
            Files.writeString(report, md.toString());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chaos report to " + dir, e);
        }
    }

    /** Answers and 2xx answers per second over the run, the faults' windows shaded. */
    private static void chart(ChaosHistory history, long startMillis, Path png) throws IOException {
        List<Double> seconds = new ArrayList<>();
        List<Double> answered = new ArrayList<>();
        List<Double> succeeded = new ArrayList<>();
        for (Map.Entry<Long, int[]> window :
                history.perWindow(startMillis, WINDOW_MILLIS).entrySet()) {
            // each window's figures drawn at its middle
            seconds.add((window.getKey() + WINDOW_MILLIS / 2.0) / 1000.0);
            succeeded.add(window.getValue()[0] * 1000.0 / WINDOW_MILLIS);
            answered.add(window.getValue()[1] * 1000.0 / WINDOW_MILLIS);
        }
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        lines.put("answered/s", answered);
        lines.put("2xx/s", succeeded);
        List<double[]> faults = history.faults().stream()
                .map(f -> new double[] {(f.fromMillis() - startMillis) / 1000.0, (f.toMillis() - startMillis) / 1000.0})
                .toList();
        Charts.timeline("Chaos run: answers per second", "answers/s", seconds, lines, faults, "faults", png);
    }
}
