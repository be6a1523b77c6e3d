package com.tradeflow.nacos.devserver.config;

import com.alibaba.nacos.api.config.remote.request.ConfigChangeNotifyRequest;
import com.tradeflow.nacos.devserver.remote.ClientConnection;
import com.tradeflow.nacos.devserver.remote.ConnectionRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which gRPC connection listens to which config, and the push of {@code ConfigChangeNotifyRequest} when one
 * changes. The client then queries the new content itself; the notification carries only the key, in the
 * spelling (tenant) the client listened with.
 */
public final class ConfigListeners {

    private static final Logger log = LoggerFactory.getLogger(ConfigListeners.class);

    /** config -> connection id -> the listen context as the client sent it */
    private final Map<ConfigKey, Map<String, ConfigKey>> listeners = new ConcurrentHashMap<>();

    private final ConnectionRegistry connections;

    public ConfigListeners(ConfigStore store, ConnectionRegistry connections) {
        this.connections = connections;
        store.onChange(this::notifyListeners);
        connections.onDisconnect(connection -> release(connection.id()));
    }

    void listen(ConfigKey key, String connectionId, ConfigKey asSent) {
        listeners.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(connectionId, asSent);
    }

    void unlisten(ConfigKey key, String connectionId) {
        listeners.computeIfPresent(key, (k, byConnection) -> {
            byConnection.remove(connectionId);
            return byConnection.isEmpty() ? null : byConnection;
        });
    }

    public int count() {
        return listeners.values().stream().mapToInt(Map::size).sum();
    }

    private void release(String connectionId) {
        for (ConfigKey key : listeners.keySet()) {
            unlisten(key, connectionId);
        }
    }

    private void notifyListeners(ConfigKey key) {
        Map<String, ConfigKey> byConnection = listeners.get(key);
        if (byConnection == null) {
            return;
        }
        byConnection.forEach((connectionId, asSent) -> {
            ClientConnection connection = connections.get(connectionId);
            if (connection != null
                    && !connection.push(
                            ConfigChangeNotifyRequest.build(asSent.dataId(), asSent.group(), asSent.tenant()))) {
                log.warn("change of {} not pushed to {}: stream closed", key, connection);
            }
        });
    }
}
