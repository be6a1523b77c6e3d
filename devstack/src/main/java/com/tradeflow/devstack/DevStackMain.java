package com.tradeflow.devstack;

import com.tradeflow.devstack.infra.Ports;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/devstack.jar}: starts the local stack, prints its summary, and stops it all on
 * Ctrl-C or SIGTERM. Logs go to {@code .devstack/logs}; the terminal gets the summary and errors only.
 */
public final class DevStackMain {

    private DevStackMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
            System.exit(TokenCommand.run(
                    List.of(args).subList(1, args.length),
                    DevStackOptions.fromEnvironment(System.getenv(), projectRoot())
                            .workDir()));
            return;
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
        }
        Path root = projectRoot();
        DevStackOptions options;
        try {
            options = DevStackOptions.fromEnvironment(System.getenv(), root);
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.logDir());
        System.setProperty("devstack.log.dir", options.logDir().toString());
        System.out.println("Starting the TradeFlow local stack (logs in " + options.logDir() + ") ...");
        DevStack stack;
        try {
            stack = DevStack.start(options);
        } catch (Ports.PortInUseException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("devstack: start failed, everything started was stopped again: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the TradeFlow local stack ...");
                            stack.close();
                            stopped.countDown();
                        },
                        "devstack-shutdown"));
        System.out.print(stack.summary());
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    /** The repository root: where the jar sits in {@code <root>/devstack/target}, else the working directory. */
    static Path projectRoot() throws URISyntaxException {
        Path jar = Path.of(DevStackMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
        if (candidate != null
                && candidate.getParent() != null
                && Files.isDirectory(candidate.getParent().resolve("seata-config"))) {
            return candidate.getParent().toAbsolutePath();
        }
        return Path.of("").toAbsolutePath();
    }
}
