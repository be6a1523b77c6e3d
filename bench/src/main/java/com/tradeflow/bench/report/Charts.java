package com.tradeflow.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * PNG charts of a run (XChart): throughput per mode, latency percentiles per mode, and server CPU per unit per
 * process, stacked (only when CPU was measured).
 */
public final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final String THROUGHPUT = "throughput.png";
    static final String LATENCY = "latency.png";
    static final String CPU = "cpu-per-unit.png";
    private static final String HEADLESS = "java.awt.headless";

    static {
        // charts are drawn off-screen: no display needed (servers, CI)
        if (System.getProperty(HEADLESS) == null) {
            System.setProperty(HEADLESS, "true");
        }
    }

    private Charts() {}

    /** @return the files written */
    public static List<Path> write(BenchReport report, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> modes = report.results().stream().map(ModeResult::mode).toList();
        if (modes.isEmpty()) {
            return written;
        }
        String unit = report.unit();

        CategoryChart throughput = chart(report.scenario() + ": " + unit + "s per second", unit + "s/s");
        throughput.addSeries(
                unit + "s/s",
                modes,
                report.results().stream().map(ModeResult::throughput).toList());
        throughput.getStyler().setLegendVisible(false);
        written.add(save(throughput, dir.resolve(THROUGHPUT)));

        CategoryChart latency = chart(report.scenario() + ": latency of the " + unit + "s", "ms");
        for (Percentiles.Percentile percentile : Percentiles.REPORTED) {
            latency.addSeries(
                    percentile.label(),
                    modes,
                    report.results().stream()
                            .map(result -> result.primary().requests() == 0
                                    ? 0.0
                                    : result.primary().percentileMillis(percentile.value()))
                            .toList());
        }
        written.add(save(latency, dir.resolve(LATENCY)));

        List<String> processes = Columns.processes(report.results());
        if (!processes.isEmpty()) {
            CategoryChart cpu =
                    chart(report.scenario() + ": server CPU per " + unit + ", by process", "CPU ms per " + unit);
            cpu.getStyler().setStacked(true);
            for (String process : processes) {
                cpu.addSeries(
                        process,
                        modes,
                        report.results().stream()
                                .map(result -> {
                                    Map<String, Double> perUnit = result.cpuMillisPerUnit();
                                    return perUnit.getOrDefault(process, 0.0);
                                })
                                .toList());
            }
            written.add(save(cpu, dir.resolve(CPU)));
        }
        return written;
    }

    /** A bar chart of one value per category, e.g. CPU % per process at rest. */
    public static Path bars(String title, String yTitle, List<String> categories, List<Double> values, Path file)
            throws IOException {
        CategoryChart chart = chart(title, yTitle);
        chart.addSeries(yTitle, categories, values);
        chart.getStyler().setLegendVisible(false);
        return save(chart, file);
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static Path save(CategoryChart chart, Path file) throws IOException {
        // the name ends with .png, so XChart adds no extension of its own
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
