package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackProbesTests {

    @Test
    void shouldGiveCpuPerProcessAndLeaveOutARestartedOne() {
        Map<String, CpuProbe.CpuTime> early = new LinkedHashMap<>();
        early.put("mariadb", new CpuProbe.CpuTime("pid 11", 1000));
        early.put("consumer-web", new CpuProbe.CpuTime("pid 12", 500));
        early.put("redis", new CpuProbe.CpuTime("pid 13", 10));
        Map<String, CpuProbe.CpuTime> late = new LinkedHashMap<>();
        late.put("mariadb", new CpuProbe.CpuTime("pid 11", 1600));
        late.put("consumer-web", new CpuProbe.CpuTime("pid 99", 20));

        WindowUsage usage = StackProbes.between(
                new StackProbes.Reading(0, early, null, 100), new StackProbes.Reading(2_000_000_000L, late, null, 160));

        assertThat(usage.cpuMillis()).containsExactly(Map.entry("mariadb", 600.0));
        assertThat(usage.cpuUnavailable()).containsExactly("consumer-web", "redis");
        assertThat(usage.elapsed().toSeconds()).isEqualTo(2);
        assertThat(usage.loadGeneratorCpuMillis()).isEqualTo(60.0);
        assertThat(usage.sql()).isEmpty();
    }

    @Test
    void shouldCountSqlOnlyWithBothReadings() {
        WindowUsage usage = StackProbes.between(
                new StackProbes.Reading(0, Map.of(), Map.of("Questions", 5L), 0),
                new StackProbes.Reading(1, Map.of(), Map.of("Questions", 8L), 0));
        assertThat(usage.sql())
                .hasValueSatisfying(sql -> assertThat(sql.total()).isEqualTo(3));
    }

    @Test
    void shouldTellALocalStackFromARemoteOne() {
        assertThat(StackProbes.isLoopback(URI.create("http://127.0.0.1:8080"))).isTrue();
        assertThat(StackProbes.isLoopback(URI.create("http://localhost:8080"))).isTrue();
        assertThat(StackProbes.isLoopback(URI.create("http://192.0.2.10:8080"))).isFalse();
    }
}
