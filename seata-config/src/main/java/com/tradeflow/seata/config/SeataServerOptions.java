package com.tradeflow.seata.config;

import java.nio.file.Path;
import java.time.Duration;

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
        boolean transactionLogs) {

    public static final String NACOS_GROUP = "SEATA_GROUP";
    public static final String NACOS_APPLICATION = "seata-server";
    public static final String CLUSTER = "default";

    public static SeataServerOptions of(Path libDir, Path workDir) {
        return new SeataServerOptions(
                libDir, workDir, 8091, 7091, "127.0.0.1", null, "256m", Duration.ofSeconds(60), false);
    }

    public SeataServerOptions withPorts(int rpcPort, int consolePort) {
        return new SeataServerOptions(
                libDir, workDir, rpcPort, consolePort, advertisedHost, nacosAddr, heap, startTimeout, transactionLogs);
    }

    public SeataServerOptions withNacos(String nacosAddr) {
        return new SeataServerOptions(
                libDir, workDir, rpcPort, consolePort, advertisedHost, nacosAddr, heap, startTimeout, transactionLogs);
    }

    public SeataServerOptions withTransactionLogs(boolean transactionLogs) {
        return new SeataServerOptions(
                libDir, workDir, rpcPort, consolePort, advertisedHost, nacosAddr, heap, startTimeout, transactionLogs);
    }
}
