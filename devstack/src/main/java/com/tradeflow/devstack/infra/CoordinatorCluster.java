package com.tradeflow.devstack.infra;

import com.tradeflow.seata.config.SeataServerOptions;
import com.tradeflow.seata.config.SeataServerProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Seata TC: one node keeping its sessions in files, or several nodes sharing sessions and global locks
 * in a database ({@code store.mode=db}), all registered in Nacos, where the services find them. Node n listens on
 * its own RPC and console ports and works under its own directory.
 */
public final class CoordinatorCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorCluster.class);

    /** The database of the db store (created beside the services' databases). */
    public static final String DATABASE = "tradeflow_seata";

    private final IntFunction<SeataServerOptions> nodeOptions;
    private final List<SeataServerProcess> nodes = new ArrayList<>();

    private CoordinatorCluster(IntFunction<SeataServerOptions> nodeOptions, int size) {
        this.nodeOptions = nodeOptions;
        for (int i = 0; i < size; i++) {
            nodes.add(null);
        }
    }

    /**
     * Starts every node at once and waits for each RPC port. Several nodes: the db store's tables are created first
     * (if missing) through {@code database}.
     *
     * @param nodeOptions node n (from 1) to its options; the same {@code dbStore} for all when there are several
     * @throws IllegalStateException the first node that did not start (those that did are stopped)
     */
    public static CoordinatorCluster start(
            int size, IntFunction<SeataServerOptions> nodeOptions, Supplier<Connection> database) {
        if (size > 1) {
            createStore(database);
        }
        CoordinatorCluster cluster = new CoordinatorCluster(nodeOptions, size);
        try {
            cluster.startNodes(allNodes(size));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static List<Integer> allNodes(int size) {
        List<Integer> all = new ArrayList<>();
        for (int node = 1; node <= size; node++) {
            all.add(node);
        }
        return all;
    }

    private static void createStore(Supplier<Connection> database) {
        try (Connection connection = database.get();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            statement.execute("USE " + DATABASE);
            for (String sql : SeataServerOptions.DbStore.schemaStatements()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the Seata TC's db store: " + e.getMessage(), e);
        }
    }

    /** Starts the given nodes in parallel: a TC's start is mostly one busy thread for ten seconds. */
    private void startNodes(List<Integer> numbers) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int number : numbers) {
            starts.add(CompletableFuture.runAsync(() -> {
                SeataServerProcess node = SeataServerProcess.start(nodeOptions.apply(number));
                synchronized (this) {
                    nodes.set(number - 1, node);
                }
                log.info("Seata TC node {} listening on port {}", number, node.rpcPort());
            }));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    public int size() {
        return nodes.size();
    }

    /** The options of node n (from 1): its ports and directory. */
    public SeataServerOptions node(int number) {
        return nodeOptions.apply(number);
    }

    /** SIGKILL one node, for fault tests: no deregistration, its sessions stay in the store for the others. */
    public synchronized void kill(int number) {
        SeataServerProcess node = nodes.get(number - 1);
        if (node != null && node.isAlive()) {
            log.warn("killing Seata TC node {} (pid {})", number, node.pid());
            node.kill();
        }
    }

    /** Stops node n if it runs (SIGTERM) and starts it again on its ports, waiting for its RPC port. */
    public void restart(int number) {
        SeataServerProcess old;
        synchronized (this) {
            old = nodes.get(number - 1);
        }
        if (old != null) {
            old.close();
        }
        startNodes(List.of(number));
    }

    /** SIGKILL every node: the coordinator is down. */
    public void killAll() {
        for (int number = 1; number <= size(); number++) {
            kill(number);
        }
    }

    /** Every node started again, in parallel. */
    public void restartAll() {
        synchronized (this) {
            nodes.stream().filter(n -> n != null).forEach(SeataServerProcess::close);
        }
        startNodes(allNodes(size()));
    }

    /** {@code seata-tc}, {@code seata-tc-2}, ... to the pid of each live node. */
    public synchronized void addLivePids(Map<String, Long> pids) {
        for (int i = 0; i < nodes.size(); i++) {
            SeataServerProcess node = nodes.get(i);
            if (node != null && node.isAlive()) {
                pids.put(i == 0 ? "seata-tc" : "seata-tc-" + (i + 1), node.pid());
            }
        }
    }

    /** SIGTERM to every node (each deregisters from Nacos). */
    @Override
    public synchronized void close() {
        for (SeataServerProcess node : nodes) {
            if (node != null) {
                try {
                    node.close();
                } catch (RuntimeException e) {
                    log.warn("stopping a Seata TC node failed: {}", e.getMessage());
                }
            }
        }
    }
}
