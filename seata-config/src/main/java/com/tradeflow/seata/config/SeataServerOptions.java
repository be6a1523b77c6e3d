package com.tradeflow.seata.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How to run the Seata TC (io.seata:seata-server 2.0.0) in its own JVM.
 *
 * @param libDir          the server's runtime jars (this module copies them to {@code target/seata-server/lib})
 * @param workDir         session store ({@code store.mode=file}) and logs go under it
 * @param rpcPort         the transaction coordinator port clients connect to (8091 by default)
 * @param consolePort     the web console (7091 by default; login seata/seata)
 * @param advertisedHost  the address registered in Nacos and carried in XIDs
 * @param nacosAddr       register in (and read {@code seataServer.properties} from) this Nacos; null: file
 *                        registry and file config, as a standalone TC
 * @param heap            -Xmx of the TC JVM
 * @param startTimeout    how long to wait for the RPC port
 * @param transactionLogs whether the TC logs each global transaction and branch at INFO (test stacks: what a
 *                        failed test needs to know); off: WARN, as a dozen lines per purchase cost a fifth of the
 *                        TC's CPU under load
 * @param dbStore         where the TC keeps sessions and global locks in a database, shared by every TC of a cluster;
 *                        null: in files under {@code workDir} (one TC alone)
 * @param settings        TC settings ({@code server.*} keys of {@code seataServer.properties}) that win over the
 *                        configuration's, e.g. shorter recovery waits on a test stack; empty: the configuration's
 * @param quickStart      C1 only ({@code -XX:TieredStopAtLevel=1}): a start takes about half the CPU (8.7 -> 4.6-5.2
 *                        s measured, 2 cores), for a test stack that restarts its TC nodes; off: C2 too, for a TC
 *                        that stays up under load
 */
public record SeataServerOptions(
        Path libDir,
        Path workDir,
        int rpcPort,
        int consolePort,
        String advertisedHost,
        String nacosAddr,
        String heap,
        Duration startTimeout,
        boolean transactionLogs,
        DbStore dbStore,
        Map<String, String> settings,
        boolean quickStart) {

    public SeataServerOptions {
        settings = Map.copyOf(settings);
    }

    /**
     * A MySQL database with the tables of {@code sql/server/mysql-db-store.sql}, for {@code store.mode=db}.
     *
     * @param jdbcUrl  {@code jdbc:mysql://host:port/database} (the TC's MySQL driver also speaks to MariaDB)
     * @param password never logged
     */
    public record DbStore(String jdbcUrl, String user, String password) {

        /** The schema's resource in this module's jar. */
        public static final String SCHEMA = "sql/server/mysql-db-store.sql";

        /**
         * The schema's statements, in order: tables created if missing and the job locks' rows inserted if missing,
         * so applying them again changes nothing.
         */
        public static List<String> schemaStatements() {
            try (InputStream in = DbStore.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                if (in == null) {
                    throw new IllegalStateException(SCHEMA + " is missing from seata-config's jar");
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.strip().startsWith("--"))
                        .collect(Collectors.joining("\n"));
                return Arrays.stream(sql.split(";"))
                        .map(String::strip)
                        .filter(statement -> !statement.isEmpty())
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SCHEMA, e);
            }
        }

        @Override
        public String toString() {
            return "DbStore[" + jdbcUrl + " as " + user + "]";
        }
    }

    public static final String NACOS_GROUP = "SEATA_GROUP";
    public static final String NACOS_APPLICATION = "seata-server";
    public static final String CLUSTER = "default";

    public static SeataServerOptions of(Path libDir, Path workDir) {
        return new SeataServerOptions(
                libDir,
                workDir,
                8091,
                7091,
                "127.0.0.1",
                null,
                "256m",
                Duration.ofSeconds(60),
                false,
                null,
                Map.of(),
                false);
    }

    public SeataServerOptions withPorts(int rpcPort, int consolePort) {
        return with(o -> {
            o.rpcPort = rpcPort;
            o.consolePort = consolePort;
        });
    }

    public SeataServerOptions withNacos(String nacosAddr) {
        return with(o -> o.nacosAddr = nacosAddr);
    }

    public SeataServerOptions withTransactionLogs(boolean transactionLogs) {
        return with(o -> o.transactionLogs = transactionLogs);
    }

    /** Sessions and locks in this database instead of files: several TCs on it form one cluster. */
    public SeataServerOptions withDbStore(DbStore dbStore) {
        return with(o -> o.dbStore = dbStore);
    }

    /** How long a start may take before it counts as failed (a node restarted on a busy machine takes longer). */
    public SeataServerOptions withStartTimeout(Duration startTimeout) {
        return with(o -> o.startTimeout = startTimeout);
    }

    /**
     * These TC settings win over {@code seataServer.properties} (passed as system properties, which Seata reads
     * first).
     */
    public SeataServerOptions withSettings(Map<String, String> settings) {
        return with(o -> o.settings = settings);
    }

    /** C1 only, for a stack that starts its TC nodes often and briefly (see {@code quickStart}). */
    public SeataServerOptions withQuickStart(boolean quickStart) {
        return with(o -> o.quickStart = quickStart);
    }

    /** A copy with some components changed: the one place that lists them all for the withers. */
    private SeataServerOptions with(Consumer<Components> change) {
        Components o = new Components(this);
        change.accept(o);
        return new SeataServerOptions(
                o.libDir,
                o.workDir,
                o.rpcPort,
                o.consolePort,
                o.advertisedHost,
                o.nacosAddr,
                o.heap,
                o.startTimeout,
                o.transactionLogs,
                o.dbStore,
                o.settings,
                o.quickStart);
    }

    /** The components of an options record, to change some before building the copy. */
    private static final class Components {
        private final Path libDir;
        private final Path workDir;
        private int rpcPort;
        private int consolePort;
        private final String advertisedHost;
        private String nacosAddr;
        private final String heap;
        private Duration startTimeout;
        private boolean transactionLogs;
        private DbStore dbStore;
        private Map<String, String> settings;
        private boolean quickStart;

        private Components(SeataServerOptions options) {
            libDir = options.libDir;
            workDir = options.workDir;
            rpcPort = options.rpcPort;
            consolePort = options.consolePort;
            advertisedHost = options.advertisedHost;
            nacosAddr = options.nacosAddr;
            heap = options.heap;
            startTimeout = options.startTimeout;
            transactionLogs = options.transactionLogs;
            dbStore = options.dbStore;
            settings = options.settings;
            quickStart = options.quickStart;
        }
    }
}
