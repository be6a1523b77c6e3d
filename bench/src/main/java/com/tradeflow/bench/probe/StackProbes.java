package com.tradeflow.bench.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the bench reads from the stack around a measured window: each process's CPU (from {@code /proc} for
 * a local stack, else from the services' actuators), the database's statement counters, and its own CPU.
 */
public final class StackProbes implements AutoCloseable {

    private final CpuProbe cpu;
    private final SqlStatusProbe sql;

    public StackProbes(CpuProbe cpu, SqlStatusProbe sql) {
        this.cpu = cpu;
        this.sql = sql;
    }

    /**
     * {@code /proc} when the stack runs on this machine (a loopback URL and a processes file in the stack dir),
     * else the actuators' {@code process.cpu.time}, else none.
     */
    public static CpuProbe chooseCpuProbe(URI url, Path stackDir, Map<String, URI> actuators) {
        if (isLocal(url, stackDir)) {
            return new ProcCpuProbe(stackDir, Path.of("/proc"), ClockTicks.perSecond());
        }
        ActuatorCpuProbe actuator = new ActuatorCpuProbe(actuators);
        return actuator.anyAnswers() ? actuator : CpuProbe.NONE;
    }

    /** The stack runs on this machine: a loopback URL, and its processes file in the stack dir. */
    public static boolean isLocal(URI url, Path stackDir) {
        return isLoopback(url) && ProcCpuProbe.available(stackDir);
    }

    static boolean isLoopback(URI url) {
        try {
            return url.getHost() != null && InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String cpuSource() {
        return cpu.source();
    }

    public boolean hasSql() {
        return sql != null;
    }

    public Reading read() {
        Map<String, Long> status = null;
        if (sql != null) {
            try {
                status = sql.read();
            } catch (SQLException e) {
                // no SQL figure for this window
            }
        }
        return new Reading(System.nanoTime(), cpu.read(), status, OwnCpu.millis());
    }

    /** What was used between two readings. */
    public static WindowUsage between(Reading before, Reading after) {
        Map<String, Double> cpuMillis = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        after.cpu().forEach((name, late) -> {
            CpuProbe.CpuTime early = before.cpu().get(name);
            if (early != null && early.identity().equals(late.identity())) {
                cpuMillis.put(name, late.millis() - early.millis());
            } else {
                unavailable.add(name);
            }
        });
        before.cpu().keySet().stream()
                .filter(name -> !after.cpu().containsKey(name))
                .forEach(unavailable::add);
        Optional<SqlStatements> statements = before.sqlStatus() == null || after.sqlStatus() == null
                ? Optional.empty()
                : Optional.of(SqlStatements.between(before.sqlStatus(), after.sqlStatus()));
        return new WindowUsage(
                Duration.ofNanos(after.nanos() - before.nanos()),
                cpuMillis,
                unavailable,
                statements,
                after.ownCpuMillis() - before.ownCpuMillis());
    }

    @Override
    public void close() {
        if (sql != null) {
            sql.close();
        }
    }

    /** One reading of every probe, at {@code nanos} ({@link System#nanoTime()}). */
    public record Reading(
            long nanos, Map<String, CpuProbe.CpuTime> cpu, Map<String, Long> sqlStatus, double ownCpuMillis) {}
}
