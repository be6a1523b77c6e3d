package com.tradeflow.nacos.devserver.remote;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live gRPC connections. Naming and config state owned by a connection is released through the
 * disconnect listeners, whichever way the connection ended (closed socket, ejected as dead, server stop).
 */
public final class ConnectionRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final List<Consumer<ClientConnection>> disconnectListeners = new CopyOnWriteArrayList<>();

    public void onDisconnect(Consumer<ClientConnection> listener) {
        disconnectListeners.add(listener);
    }

    void register(ClientConnection connection) {
        ClientConnection previous = connections.put(connection.id(), connection);
        if (previous != null && previous != connection) {
            // a client that sets up the same transport twice keeps only the newest stream
            previous.close();
        }
        log.info("connection registered: {} from {}:{}", connection, connection.remoteIp(), connection.remotePort());
    }

    public ClientConnection get(String connectionId) {
        return connectionId == null ? null : connections.get(connectionId);
    }

    public Collection<ClientConnection> all() {
        return List.copyOf(connections.values());
    }

    public int size() {
        return connections.size();
    }

    /** Removes the connection, closes its stream and releases everything it owned. */
    public void unregister(String connectionId, String reason) {
        ClientConnection connection = connectionId == null ? null : connections.remove(connectionId);
        if (connection == null) {
            return;
        }
        connection.close();
        log.info("connection closed: {} ({})", connection, reason);
        for (Consumer<ClientConnection> listener : disconnectListeners) {
            try {
                listener.accept(connection);
            } catch (RuntimeException e) {
                log.error("releasing state of {} failed", connection, e);
            }
        }
    }

    void unregisterAll(String reason) {
        for (String id : List.copyOf(connections.keySet())) {
            unregister(id, reason);
        }
    }
}
