package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.ChildProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack's OpenID Connect issuer, auth-server ({@code java -jar auth-server/target/auth-server.jar}) on
 * 127.0.0.1, ready when its discovery document answers. Its signing key lives as long as the process: a restart
 * invalidates the tokens it gave.
 */
public final class AuthServerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ChildProcess process;

    private AuthServerProcess(ChildProcess process) {
        this.process = process;
    }

    /**
     * @param jvmOptions heap and JIT settings, as for the services
     * @throws IllegalStateException not built, or not answering in time (with its log's tail)
     */
    public static AuthServerProcess start(Path jar, int port, String demoPassword, String adminPassword,
            List<String> jvmOptions, Path logDir, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("auth-server is not built: " + jar + " is missing (run mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        // passwords go by environment, not on the command line (which every local user can read)
        Map<String, String> env = Map.of("AUTH_PORT", String.valueOf(port), "AUTH_DEMO_PASSWORD", demoPassword,
                "AUTH_ADMIN_PASSWORD", adminPassword);
        try {
            ChildProcess process = ChildProcess.start("auth-server", command, env, logDir.resolve("auth-server.log"),
                    STOP_GRACE);
            process.awaitReady(HttpProbe.answering(URI.create("http://127.0.0.1:" + port
                    + "/.well-known/openid-configuration"), response -> response.statusCode() == 200), timeout);
            return new AuthServerProcess(process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start auth-server: " + e.getMessage(), e);
        }
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
