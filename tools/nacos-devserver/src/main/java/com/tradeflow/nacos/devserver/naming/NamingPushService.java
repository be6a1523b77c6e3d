package com.tradeflow.nacos.devserver.naming;

import com.alibaba.nacos.api.grpc.auto.Payload;
import com.alibaba.nacos.api.naming.pojo.ServiceInfo;
import com.alibaba.nacos.api.naming.remote.request.NotifySubscriberRequest;
import com.tradeflow.nacos.devserver.remote.ClientConnection;
import com.tradeflow.nacos.devserver.remote.ConnectionRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a service's instance list to its subscribers after each change. Changes within the push delay are
 * merged into one push, as a real server merges them (it waits 500 ms; the delay here is configurable), so a
 * batch of registrations does not become a storm of pushes.
 */
public final class NamingPushService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NamingPushService.class);

    private final NamingRegistry registry;
    private final ConnectionRegistry connections;
    private final Duration delay;
    private final Set<ServiceKey> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nacos-dev-naming-push");
        thread.setDaemon(true);
        return thread;
    });

    public NamingPushService(NamingRegistry registry, ConnectionRegistry connections, Duration delay) {
        this.registry = registry;
        this.connections = connections;
        this.delay = delay;
        registry.onChange(this::schedule);
    }

    /** Pushes the current state of the service to every subscriber, once, after the delay. */
    public void schedule(ServiceKey key) {
        if (pending.add(key)) {
            executor.schedule(() -> push(key), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Sends the service's current instance list to each of its subscribers, filtered by their clusters; each
     * distinct cluster filter is built and serialised once, however many subscribers share it.
     */
    private void push(ServiceKey key) {
        pending.remove(key);
        Map<String, Payload> byClusters = new HashMap<>();
        for (Subscription subscription : registry.subscribers(key)) {
            ClientConnection connection = connections.get(subscription.connectionId());
            if (connection == null) {
                continue;
            }
            Payload payload = byClusters.computeIfAbsent(subscription.clusters(), clusters -> {
                ServiceInfo info = registry.serviceInfo(key, clusters, false);
                NotifySubscriberRequest request = NotifySubscriberRequest.buildNotifySubscriberRequest(info);
                request.setNamespace(key.namespace());
                request.setGroupName(key.group());
                request.setServiceName(key.name());
                return ClientConnection.encode(request);
            });
            if (!connection.send(payload)) {
                log.warn("push of {} to {} failed: stream closed", key.groupedName(), connection);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
