package com.tradeflow.bench.probe;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU of remote services from their actuator: Micrometer's {@code process.cpu.time} (the JVM's CPU time) at
 * {@code <base>/actuator/metrics/process.cpu.time}. Only JVMs that expose the metrics endpoint; databases, brokers
 * and coordinators have no figure.
 */
public final class ActuatorCpuProbe implements CpuProbe {

    private static final String METRIC = "process.cpu.time";
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double MICROS_PER_MILLI = 1e3;
    private static final double MILLIS_PER_SECOND = 1e3;

    private final Map<String, URI> services;
    private final ActuatorMetrics metrics = new ActuatorMetrics();

    /** @param services name -> base URL of its HTTP port ({@code http://host:8080/}) */
    public ActuatorCpuProbe(Map<String, URI> services) {
        this.services = services;
    }

    @Override
    public String source() {
        return "actuator process.cpu.time of " + String.join(", ", services.keySet());
    }

    /** Whether any service answers the metric: worth using instead of nothing. */
    public boolean anyAnswers() {
        return !read().isEmpty();
    }

    @Override
    public Map<String, CpuTime> read() {
        Map<String, CpuTime> cpu = new LinkedHashMap<>();
        services.forEach((name, base) -> metrics.read(base, METRIC).ifPresent(json -> {
            try {
                cpu.put(name, new CpuTime(base.toString(), millis(json)));
            } catch (IOException | IllegalArgumentException unreadable) {
                // no figure for this service
            }
        }));
        return cpu;
    }

    /** The metric's value in milliseconds, from its base unit (Micrometer reports nanoseconds). */
    static double millis(String metricJson) throws IOException {
        ActuatorMetrics.Measurement m = ActuatorMetrics.measurement(metricJson);
        String unit = m.baseUnit().isEmpty() ? "nanoseconds" : m.baseUnit().toLowerCase(Locale.ROOT);
        double value = m.value();
        return switch (unit) {
            case "nanoseconds", "ns" -> value / NANOS_PER_MILLI;
            case "microseconds", "us" -> value / MICROS_PER_MILLI;
            case "milliseconds", "ms" -> value;
            case "seconds", "s" -> value * MILLIS_PER_SECOND;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
