package com.tradeflow.devstack.service;

import com.tradeflow.childprocess.ChildProcess;
import com.tradeflow.devstack.infra.HttpProbe;
import com.tradeflow.devstack.infra.JavaJar;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service as a child JVM ({@code java -jar <module>/target/<module>.jar}, prepared for fast starts by
 * {@link JavaJar}), output appended to its log file, ready when {@code /actuator/health} on its management port says
 * UP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceInstance instance;
    private final ChildProcess process;

    private ServiceProcess(ServiceInstance instance, ChildProcess process) {
        this.instance = instance;
        this.process = process;
    }

    /**
     * @param env added to this JVM's environment (addresses, ports)
     * @throws IllegalStateException with the log tail when it exits or is not healthy in time
     */
    public static ServiceProcess start(
            ServiceInstance instance,
            Path jar,
            int managementPort,
            Map<String, String> env,
            List<String> jvmOptions,
            Path logDir,
            Duration timeout) {
        try {
            JavaJar runnable = JavaJar.of(instance.service().module(), jar);
            ChildProcess process = runnable.start(
                    instance.name(), jvmOptions, env, logDir.resolve(instance.name() + ".log"), STOP_GRACE);
            process.awaitReady(
                    HttpProbe.answering(
                            URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"),
                            response -> response.statusCode() == 200
                                    && response.body().contains("\"UP\"")),
                    timeout);
            runnable.archiveClassesOf(process);
            return new ServiceProcess(instance, process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + instance.name() + ": " + e.getMessage(), e);
        }
    }

    public ServiceInstance instance() {
        return instance;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return process.log();
    }

    public String logTail() {
        return process.logTail();
    }

    /** SIGKILL, for fault tests: no graceful deregistration. */
    public void kill() {
        process.kill();
    }

    /** SIGKILL without waiting for the end (see {@link ChildProcess#sendKill}). */
    public void sendKill() {
        process.sendKill();
    }

    /** SIGTERM (Dubbo deregisters, Spring closes pools), SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.close();
    }
}
