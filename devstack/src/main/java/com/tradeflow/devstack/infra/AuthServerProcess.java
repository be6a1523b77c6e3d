package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local stack's OpenID Connect issuer, auth-server ({@code java -jar tools/auth-server/target/auth-server.jar}) on
 * 127.0.0.1, ready when its discovery document answers. Launched early and awaited late, so that its start overlaps
 * the other servers'. Its signing key lives as long as the process: a restart invalidates the tokens it gave.
 */
public final class AuthServerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final JavaJar jar;
    private final ChildProcess process;
    private final int port;

    private AuthServerProcess(JavaJar jar, ChildProcess process, int port) {
        this.jar = jar;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the process without waiting for it ({@link #awaitReady}).
     *
     * @param jvmOptions heap and JIT settings, as for the services
     * @throws IllegalStateException not built, or the JVM cannot be started
     */
    public static AuthServerProcess launch(
            Path jar, int port, String demoPassword, String adminPassword, List<String> jvmOptions, Path logDir) {
        Map<String, String> env = Map.of(
                "AUTH_PORT",
                String.valueOf(port),
                "AUTH_DEMO_PASSWORD",
                demoPassword,
                "AUTH_ADMIN_PASSWORD",
                adminPassword);
        try {
            JavaJar runnable = JavaJar.of("auth-server", jar);
            return new AuthServerProcess(
                    runnable,
                    runnable.start("auth-server", jvmOptions, env, logDir.resolve("auth-server.log"), STOP_GRACE),
                    port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start auth-server: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException it exited, or did not answer in time (with its log's tail) */
    public void awaitReady(Duration timeout) {
        process.awaitReady(
                HttpProbe.answering(
                        URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration"),
                        response -> response.statusCode() == 200),
                timeout);
        jar.archiveClassesOf(process);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
