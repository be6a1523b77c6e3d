package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.ChildProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A module of this build run as a child JVM, {@code java <jvm options> -jar <jar>}, output appended to its log. */
public final class JavaJar {

    private JavaJar() {
    }

    /**
     * @param module the module that builds the jar, for the message when it is missing
     * @param name   the process's name in logs
     * @param env    added to the child's environment (secrets go here, never on the command line, which every local
     *               user can read)
     * @throws IllegalStateException the jar is missing: the module is not built
     */
    public static ChildProcess start(String module, String name, Path jar, List<String> jvmOptions,
            Map<String, String> env, Path log, Duration stopGrace) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built: " + jar + " is missing (run mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return ChildProcess.start(name, command, env, log, stopGrace);
    }
}
