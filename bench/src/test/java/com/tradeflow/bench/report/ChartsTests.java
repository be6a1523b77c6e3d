package com.tradeflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTests {

    @TempDir
    Path dir;

    @Test
    void shouldDrawThroughputLatencyAndCpuChartsAsPng() throws Exception {
        List<Path> written = Charts.write(Reports.localAndAt(), dir);

        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(Charts.THROUGHPUT, Charts.LATENCY, Charts.CPU);
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        }
    }

    @Test
    void shouldLeaveOutTheCpuChartWithoutCpuFigures() throws Exception {
        BenchReport report = new BenchReport(
                "purchases",
                "purchase",
                Reports.localAndAt().startedAt(),
                List.of(),
                "n/a",
                List.of(Reports.mode("AT", 10, 0, 5, Map.of(), 1)),
                List.of());

        assertThat(Charts.write(report, dir))
                .extracting(p -> p.getFileName().toString())
                .containsExactly(Charts.THROUGHPUT, Charts.LATENCY);
    }

    @Test
    void shouldShadeTheWindowsOfATimelineBehindItsLines() throws Exception {
        Path png = Charts.timeline(
                "answers",
                "per s",
                List.of(0.0, 5.0, 10.0, 15.0),
                Map.of("2xx/s", List.of(10.0, 2.0, 10.0, 10.0)),
                List.of(new double[] {4, 8}),
                "faults",
                dir.resolve("timeline.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        // a pixel inside the shaded window is tinted red, one well outside it is not
        assertThat(reddish(image, 0.40)).as("inside the window").isTrue();
        assertThat(reddish(image, 0.85)).as("after the window").isFalse();
    }

    @Test
    void shouldJoinOverlappingWindows() {
        List<double[]> merged =
                Charts.merged(List.of(new double[] {10, 20}, new double[] {0, 5}, new double[] {15, 30}));

        assertThat(merged).hasSize(2);
        assertThat(merged.get(0)).containsExactly(0, 5);
        assertThat(merged.get(1)).containsExactly(10, 30);
    }

    /** Whether the plot, at this fraction of the image's width and a little above its bottom axis, is red-tinted. */
    private static boolean reddish(BufferedImage image, double atWidth) {
        int x = (int) (image.getWidth() * atWidth);
        int y = (int) (image.getHeight() * 0.6);
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        return red > green + 20;
    }
}
