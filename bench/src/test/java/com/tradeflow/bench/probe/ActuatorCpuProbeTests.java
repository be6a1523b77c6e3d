package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActuatorCpuProbeTests {

    @Test
    void shouldReadMicrometersProcessCpuTimeInNanoseconds() throws Exception {
        String metric = "{\"name\":\"process.cpu.time\",\"description\":\"The CPU time used by the JVM\","
                + "\"baseUnit\":\"nanoseconds\",\"measurements\":[{\"statistic\":\"COUNT\",\"value\":2.5E10}],"
                + "\"availableTags\":[]}";
        assertThat(ActuatorCpuProbe.millis(metric)).isEqualTo(25_000.0);
    }

    @Test
    void shouldConvertOtherBaseUnits() throws Exception {
        assertThat(ActuatorCpuProbe.millis("{\"baseUnit\":\"seconds\",\"measurements\":[{\"value\":2.5}]}"))
                .isEqualTo(2500.0);
    }

    @Test
    void shouldRefuseAMetricWithoutMeasurement() {
        assertThatThrownBy(() -> ActuatorCpuProbe.millis("{\"baseUnit\":\"nanoseconds\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
