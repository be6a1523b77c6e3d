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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts of a run (XChart): throughput per mode, latency percentiles per mode, and server CPU per unit per
 * process, stacked (only when CPU was measured); lines over time with windows shaded (a chaos run's answers and
 * faults).
 */
public final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final String THROUGHPUT = "throughput.png";
    static final String LATENCY = "latency.png";
    static final String CPU = "cpu-per-unit.png";
    private static final String HEADLESS = "java.awt.headless";
    /** Translucent red behind the lines of a timeline. */
    private static final Color SHADE = new Color(220, 40, 40, 60);

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

    /**
     * Lines over time with windows shaded behind them, e.g. a chaos run's answers per second with its faults.
     *
     * @param seconds the x of every point, in seconds from the start
     * @param series  name to one y per second of {@code seconds}, drawn in this order
     * @param shaded  [from, to] in seconds; overlapping windows are shaded as one
     * @param shadeName the legend's name of the shaded windows
     */
    public static Path timeline(
            String title,
            String yTitle,
            List<Double> seconds,
            Map<String, List<Double>> series,
            List<double[]> shaded,
            String shadeName,
            Path file)
            throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("s")
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double top = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1.0);
        if (!shaded.isEmpty() && !seconds.isEmpty()) {
            // drawn first, behind the lines: a step between 0 and the top at each window's edges
            List<Double> x = new ArrayList<>(List.of(0.0));
            List<Double> y = new ArrayList<>(List.of(0.0));
            for (double[] window : merged(shaded)) {
                x.addAll(List.of(window[0], window[0], window[1], window[1]));
                y.addAll(List.of(0.0, top, top, 0.0));
            }
            x.add(Math.max(x.get(x.size() - 1), seconds.get(seconds.size() - 1)));
            y.add(0.0);
            XYSeries shade = chart.addSeries(shadeName, x, y);
            shade.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            shade.setFillColor(SHADE);
            shade.setLineColor(SHADE);
            shade.setMarker(SeriesMarkers.NONE);
        }
        for (Map.Entry<String, List<Double>> line : series.entrySet()) {
            XYSeries drawn = chart.addSeries(line.getKey(), seconds, line.getValue());
            drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            drawn.setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    /** Windows sorted by start, overlapping ones joined. */
    static List<double[]> merged(List<double[]> windows) {
        List<double[]> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] window : sorted) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && window[0] <= last[1]) {
                last[1] = Math.max(last[1], window[1]);
            } else {
                merged.add(new double[] {window[0], window[1]});
            }
        }
        return merged;
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
