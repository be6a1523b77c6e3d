package com.tradeflow.nacos.devserver;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar nacos-devserver.jar [--port 8848] [--data-dir DIR]}: runs the server in the foreground until
 * SIGINT/SIGTERM.
 */
public final class NacosDevServerMain {

    private static final String USAGE = """
            usage: java -jar nacos-devserver.jar [--port PORT] [--data-dir DIR]
              --port PORT      HTTP port (default 8848); gRPC listens on PORT + 1000
              --data-dir DIR   keep configs across restarts in DIR (default: in memory only)
            Local development only: single node, no authentication, bound to 127.0.0.1.""";

    private NacosDevServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "nacos-devserver-logback.xml");
        }
        DevServerOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        NacosDevServer server;
        try {
            server = NacosDevServer.start(options);
        } catch (NacosDevServer.PortInUseException e) {
            System.err.println("nacos-devserver cannot start: " + e.getMessage()
                    + " (choose another with --port; gRPC uses --port + 1000)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "nacos-dev-shutdown"));
        System.out.println("nacos-devserver listening: serverAddr=" + server.address() + " (gRPC " + server.grpcPort()
                + "), console http://" + server.address() + "/nacos/");
        stopped.await();
    }

    /** @return null when help was asked for */
    static DevServerOptions parse(String[] args) {
        DevServerOptions options = DevServerOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(port(value(args, ++i, "--port")));
                case "--data-dir" -> options = options.withDataDir(Path.of(value(args, ++i, "--data-dir")));
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return options;
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535 - DevServerOptions.GRPC_PORT_OFFSET) {
                throw new IllegalArgumentException(
                        "--port must be between 1 and " + (65535 - DevServerOptions.GRPC_PORT_OFFSET) + ": " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port is not a number: " + value);
        }
    }
}
