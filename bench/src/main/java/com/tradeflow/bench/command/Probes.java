package com.tradeflow.bench.command;

import com.tradeflow.bench.probe.ClockTicks;
import com.tradeflow.bench.probe.CompilerThreads;
import com.tradeflow.bench.probe.CpuProbe;
import com.tradeflow.bench.probe.OutboxBacklogProbe;
import com.tradeflow.bench.probe.OwnCpu;
import com.tradeflow.bench.probe.SqlStatusProbe;
import com.tradeflow.bench.probe.StackProbes;
import com.tradeflow.bench.probe.StackProcesses;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/** Opens the probes a run's options ask for, and says which figures will be missing. */
final class Probes {

    private Probes() {}

    static StackProbes open(TargetOptions target, PrintWriter out) {
        CpuProbe cpu = StackProbes.chooseCpuProbe(target.url(), target.stackDir, target.actuatorsOrDefault());
        if (cpu == CpuProbe.NONE) {
            out.println("server CPU: n/a (no " + StackProcesses.file(target.stackDir) + " for a local stack, no "
                    + "actuator process.cpu.time at "
                    + target.actuatorsOrDefault().values() + ")");
        }
        SqlStatusProbe sql = null;
        if (target.hasDatabase()) {
            try {
                sql = SqlStatusProbe.connect(target.mysql);
            } catch (SQLException e) {
                out.println("SQL statements: n/a (" + target.mysqlForReport() + ": " + e.getMessage() + ")");
            }
        }
        out.flush();
        return new StackProbes(cpu, sql);
    }

    /** The JIT compiler threads of a stack on this machine, whose processes file is there. */
    static Optional<CompilerThreads> compilerThreads(TargetOptions target) {
        if (!StackProbes.isLocal(target.url(), target.stackDir)) {
            return Optional.empty();
        }
        return Optional.of(new CompilerThreads(target.stackDir, Path.of("/proc"), ClockTicks.perSecond()));
    }

    /** consumer-web's outbox backlog, when its actuator is known (the default, or {@code --actuator consumer-web=}). */
    static Optional<OutboxBacklogProbe> outboxBacklog(TargetOptions target) {
        return Optional.ofNullable(target.actuatorsOrDefault().get(TargetOptions.WEB_SERVICE))
                .map(OutboxBacklogProbe::new);
    }

    /** The bench runs inside the stack's own devstack JVM (an embedded stack in tests). */
    static boolean benchIsPartOfStack(TargetOptions target) {
        try {
            return StackProcesses.read(target.stackDir).containsValue(OwnCpu.pid());
        } catch (IOException e) {
            return false;
        }
    }
}
