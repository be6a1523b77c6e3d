package com.tradeflow.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.platform.metrics.OutcomeHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceFiguresTests {

    @Test
    void theChartScalesToThePeak() {
        InstanceFigures.Figures figures =
                InstanceFigures.figures("purchases", List.of(sample(0), sample(2), sample(1)));

        assertThat(figures.peakPerSecond()).isEqualTo(2.0);
        assertThat(figures.sparkline()).isEqualTo("0.0,24.0 60.0,0.0 120.0,12.0");
        assertThat(figures.summary()).startsWith("1.0 purchases/s (peak 2.0)");
        assertThat(InstanceFigures.figures("calls", List.of()).summary()).isEqualTo("no sample yet");
    }

    @Test
    void anInstanceRegisteredAtSomethingElseThanAnIpAddressIsNotAsked() {
        InstanceFigures figures = new InstanceFigures(Duration.ofSeconds(1), new ObjectMapper());
        List<ServiceInstances.Member> forged = List.of(
                new ServiceInstances.Member("a:1", "10.0.0.1", "10.0.0.1/internal?x=", 9080, null, true),
                new ServiceInstances.Member("b:1", "10.0.0.2", "metadata.internal", 80, null, true),
                new ServiceInstances.Member("c:1", "127.0.0.1", "127.0.0.1", 0, null, true));

        Map<String, InstanceFigures.Figures> read = figures.of(forged, InstanceFigures.CALLS, "calls");

        assertThat(read).as("no management port: not asked at all").doesNotContainKey("c:1");
        assertThat(read.get("a:1").error()).contains("not an IP address");
        assertThat(read.get("b:1").error()).contains("not an IP address");
    }

    private static OutcomeHistory.Sample sample(double perSecond) {
        return new OutcomeHistory.Sample(0, perSecond, 0, 0);
    }
}
