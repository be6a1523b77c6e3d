package com.tradeflow.rocketmq.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.rocketmq.auth.authentication.model.User;
import org.apache.rocketmq.auth.authentication.provider.AuthenticationMetadataProvider;
import org.apache.rocketmq.auth.config.AuthConfig;

/**
 * The broker's users, kept in memory: the one user the broker is started with ({@link BrokerCredentials}). RocketMQ's own
 * store (RocksDB under the store directory) keeps a user across restarts and never updates its secret from the
 * configuration, so a stack that makes a new secret per start would be refused by its own broker.
 */
public final class InMemoryUsers implements AuthenticationMetadataProvider {

    private final Map<String, User> users = new ConcurrentHashMap<>();

    @Override
    public void initialize(AuthConfig authConfig, Supplier<?> metadataService) {
        // the user arrives through createUser, from the broker's initAuthenticationUser
    }

    @Override
    public void shutdown() {
        users.clear();
    }

    @Override
    public CompletableFuture<Void> createUser(User user) {
        users.put(user.getUsername(), user);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> deleteUser(String username) {
        users.remove(username);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> updateUser(User user) {
        return createUser(user);
    }

    @Override
    public CompletableFuture<User> getUser(String username) {
        return CompletableFuture.completedFuture(users.get(username));
    }

    @Override
    public CompletableFuture<List<User>> listUser(String filter) {
        return CompletableFuture.completedFuture(users.values().stream()
                .filter(u ->
                        filter == null || filter.isBlank() || u.getUsername().contains(filter))
                .toList());
    }
}
