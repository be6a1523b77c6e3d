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
}
