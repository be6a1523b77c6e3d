package com.tradeflow.seata.config;

import com.tradeflow.childprocess.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Seata TC as a child process: started with the settings proven in INFRA-NOTES, ready when its RPC port
 * accepts connections, stopped with SIGTERM (it deregisters from Nacos) or killed for fault tests.
 */
public final class SeataServerProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "io.seata.server.ServerApplication";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    /** Each TC's pool on the db store: a purchase writes a few rows there, two cores run a few at a time. */
    private static final int DB_MIN_CONNECTIONS = 2;

    private static final int DB_MAX_CONNECTIONS = 10;
    /** The TC's loggers that write lines per request, branch or global transaction. */
    private static final List<String> PER_TRANSACTION_LOGGERS =
            List.of("io.seata.core.rpc.processor.server.BatchLogHandler", "io.seata.server.coordinator");

    private final SeataServerOptions options;
    private final ChildProcess process;

    private SeataServerProcess(SeataServerOptions options, ChildProcess process) {
        this.options = options;
        this.process = process;
    }

    /**
     * Starts the TC and waits for its RPC port.
     *
     * @throws IllegalStateException with the tail of its output when it exits or does not open the port in time
     */
    public static SeataServerProcess start(SeataServerOptions options) {
        if (!Files.isDirectory(options.libDir())) {
            throw new IllegalStateException("Seata server runtime not found in " + options.libDir()
                    + ": build it with 'mvn -pl seata-config package'");
        }
        try {
            Path store = Files.createDirectories(options.workDir().resolve("store"));
            Path logs = Files.createDirectories(options.workDir().resolve("logs"));
            ChildProcess process = ChildProcess.start(
                    "Seata TC",
                    command(options, store, logs),
                    Map.of(),
                    options.workDir().resolve("seata-server.out"),
                    STOP_GRACE);
            process.awaitReady(() -> portOpen(options.rpcPort()), options.startTimeout());
            return new SeataServerProcess(options, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Seata server", e);
        }
    }

    static List<String> command(SeataServerOptions options, Path store, Path logs) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.add("-Xmx" + options.heap());
        command.add("-XX:+UseSerialGC");
        if (options.quickStart()) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Dserver.port=" + options.consolePort());
        command.add("-Dserver.address=127.0.0.1");
        command.add("-Dseata.server.service-port=" + options.rpcPort());
        storeSettings(options, store).forEach((key, value) -> {
            // the 2.0 server binds its Spring properties (seata.store.*) and also reads the raw keys (store.*) as
            // system properties, which win over seataServer.properties in Nacos; without store.file.dir the file
            // store's "sessionStore/" lands in the working directory
            command.add("-Dseata." + key + "=" + value);
            command.add("-D" + key + "=" + value);
        });
        // a system property wins over seataServer.properties, as for the store settings above
        options.settings().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dlog.home=" + logs);
        // The 2.0 server logs every request and response, branch and commit at INFO, with caller data: about a
        // dozen lines per purchase, 80 MB in 20 minutes of load and a fifth of its CPU. Failures still log (WARN+);
        // test stacks keep the lines (transactionLogs): a stuck global lock is explained by them alone.
        String level = options.transactionLogs() ? "INFO" : "WARN";
        for (String perTransactionLogger : PER_TRANSACTION_LOGGERS) {
            command.add("-Dlogging.level." + perTransactionLogger + "=" + level);
        }
        if (options.nacosAddr() == null) {
            command.add("-Dseata.config.type=file");
            command.add("-Dseata.registry.type=file");
        } else {
            command.add("-Dseata.config.type=nacos");
            command.add("-Dseata.config.nacos.server-addr=" + options.nacosAddr());
            command.add("-Dseata.config.nacos.group=" + SeataServerOptions.NACOS_GROUP);
            command.add("-Dseata.config.nacos.namespace=");
            command.add("-Dseata.config.nacos.data-id=seataServer.properties");
            command.add("-Dseata.registry.type=nacos");
            command.add("-Dseata.registry.nacos.server-addr=" + options.nacosAddr());
            command.add("-Dseata.registry.nacos.application=" + SeataServerOptions.NACOS_APPLICATION);
            command.add("-Dseata.registry.nacos.group=" + SeataServerOptions.NACOS_GROUP);
            command.add("-Dseata.registry.nacos.cluster=" + SeataServerOptions.CLUSTER);
            command.add("-Dseata.registry.nacos.namespace=");
            // its nacos-client 1.4 keeps caches and logs under ~ unless told otherwise
            command.add("-DJM.LOG.PATH=" + logs);
            command.add("-DJM.SNAPSHOT.PATH=" + options.workDir());
            command.add(
                    "-Dcom.alibaba.nacos.naming.cache.dir=" + options.workDir().resolve("naming"));
        }
        command.add("-cp");
        command.add(options.libDir().toAbsolutePath() + "/*");
        command.add(MAIN_CLASS);
        command.add("-h");
        command.add(options.advertisedHost());
        command.add("-p");
        command.add(String.valueOf(options.rpcPort()));
        return command;
    }

    /** The store settings, without the {@code seata.} prefix. */
    static Map<String, String> storeSettings(SeataServerOptions options, Path store) {
        Map<String, String> settings = new LinkedHashMap<>();
        SeataServerOptions.DbStore db = options.dbStore();
        if (db == null) {
            settings.put("store.mode", "file");
            settings.put("store.lock.mode", "file");
            settings.put("store.session.mode", "file");
            settings.put("store.file.dir", store.toString());
            return settings;
        }
        settings.put("store.mode", "db");
        settings.put("store.lock.mode", "db");
        settings.put("store.session.mode", "db");
        settings.put("store.db.datasource", "hikari");
        settings.put("store.db.dbType", "mysql");
        // the MySQL driver the TC ships (Connector/J 5.1)
        settings.put("store.db.driverClassName", "com.mysql.jdbc.Driver");
        settings.put("store.db.url", db.jdbcUrl());
        settings.put("store.db.user", db.user());
        settings.put("store.db.password", db.password());
        settings.put("store.db.minConn", String.valueOf(DB_MIN_CONNECTIONS));
        settings.put("store.db.maxConn", String.valueOf(DB_MAX_CONNECTIONS));
        settings.put("store.db.globalTable", "global_table");
        settings.put("store.db.branchTable", "branch_table");
        settings.put("store.db.lockTable", "lock_table");
        settings.put("store.db.distributedLockTable", "distributed_lock");
        return settings;
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public int rpcPort() {
        return options.rpcPort();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the TC printed, for error messages. */
    public String outputTail() {
        return process.logTail();
    }

    /** SIGKILL, for fault tests: no deregistration, no session flush. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM first, so it deregisters from Nacos; SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.close();
    }
}
