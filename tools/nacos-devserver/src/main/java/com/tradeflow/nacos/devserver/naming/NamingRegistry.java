package com.tradeflow.nacos.devserver.naming;

import com.alibaba.nacos.api.common.Constants;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.alibaba.nacos.api.naming.pojo.ServiceInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Services, their instances and their subscribers.
 *
 * <p>Every instance has an owner: the gRPC connection that registered it (released when the connection ends),
 * an HTTP heart-beating client {@code http:<ip>:<port>}, or {@link #PERSISTENT_OWNER} for non-ephemeral
 * instances. As on a real server, a gRPC owner holds one registration per service: registering again (or batch
 * registering) replaces what it held. A service exists while it has instances or subscribers.
 *
 * <p>One monitor guards the state: this is a development server, and the benchmark shows it is far from
 * being the bottleneck of anything that runs against it.
 */
public final class NamingRegistry {

    public static final String PERSISTENT_OWNER = "persistent";
    public static final long DEFAULT_CACHE_MILLIS = 10_000L;

    private final Map<ServiceKey, ServiceEntry> services = new HashMap<>();
    private final List<Consumer<ServiceKey>> changeListeners = new CopyOnWriteArrayList<>();

    /** Called, outside the lock, with every service whose instance list changed. */
    public void onChange(Consumer<ServiceKey> listener) {
        changeListeners.add(listener);
    }

    /** Replaces everything {@code owner} registered for the service with {@code instances}. */
    public void register(ServiceKey key, String owner, List<Instance> instances, boolean ephemeral) {
        List<Instance> normalised = new ArrayList<>(instances.size());
        for (Instance instance : instances) {
            normalised.add(normalise(key, instance, ephemeral));
        }
        synchronized (this) {
            services.computeIfAbsent(key, k -> new ServiceEntry()).byOwner.put(owner, normalised);
        }
        changed(key);
    }

    /**
     * Adds or replaces one instance (same ip, port and cluster) of an owner that may hold several: HTTP clients
     * and persistent instances.
     */
    public void upsert(ServiceKey key, String owner, Instance instance, boolean ephemeral) {
        Instance normalised = normalise(key, instance, ephemeral);
        synchronized (this) {
            List<Instance> held = services.computeIfAbsent(key, k -> new ServiceEntry())
                    .byOwner
                    .computeIfAbsent(owner, o -> new ArrayList<>());
            held.removeIf(i -> sameEndpoint(i, normalised));
            held.add(normalised);
        }
        changed(key);
    }

    /** Removes the owner's instances at ip:port (in the given cluster, or any when null). */
    public boolean deregister(ServiceKey key, String owner, String ip, int port, String cluster) {
        boolean removed;
        synchronized (this) {
            ServiceEntry entry = services.get(key);
            if (entry == null || !entry.byOwner.containsKey(owner)) {
                return false;
            }
            List<Instance> held = entry.byOwner.get(owner);
            removed = held.removeIf(i -> i.getIp().equals(ip)
                    && i.getPort() == port
                    && (cluster == null || cluster.equals(i.getClusterName())));
            if (held.isEmpty()) {
                entry.byOwner.remove(owner);
            }
            dropIfUnused(key, entry);
        }
        if (removed) {
            changed(key);
        }
        return removed;
    }

    /** Sets the health flag of an owner's instance; returns whether it changed. */
    public boolean setHealthy(ServiceKey key, String owner, String ip, int port, String cluster, boolean healthy) {
        boolean flipped = false;
        synchronized (this) {
            ServiceEntry entry = services.get(key);
            List<Instance> held = entry == null ? null : entry.byOwner.get(owner);
            if (held != null) {
                for (Instance instance : held) {
                    if (instance.getIp().equals(ip)
                            && instance.getPort() == port
                            && instance.getClusterName().equals(cluster)
                            && instance.isHealthy() != healthy) {
                        instance.setHealthy(healthy);
                        flipped = true;
                    }
                }
            }
        }
        if (flipped) {
            changed(key);
        }
        return flipped;
    }

    public synchronized boolean contains(ServiceKey key, String owner, String ip, int port, String cluster) {
        ServiceEntry entry = services.get(key);
        List<Instance> held = entry == null ? null : entry.byOwner.get(owner);
        return held != null
                && held.stream()
                        .anyMatch(i -> i.getIp().equals(ip)
                                && i.getPort() == port
                                && i.getClusterName().equals(cluster));
    }

    /** Releases everything a gRPC connection owned: its instances and its subscriptions. */
    public void releaseConnection(String connectionId) {
        List<ServiceKey> affected = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<ServiceKey, ServiceEntry> e : new ArrayList<>(services.entrySet())) {
                ServiceEntry entry = e.getValue();
                if (entry.byOwner.remove(connectionId) != null) {
                    affected.add(e.getKey());
                }
                entry.subscribers.remove(connectionId);
                dropIfUnused(e.getKey(), entry);
            }
        }
        affected.forEach(this::changed);
    }

    public void subscribe(ServiceKey key, String connectionId, String clusters) {
        synchronized (this) {
            services.computeIfAbsent(key, k -> new ServiceEntry())
                    .subscribers
                    .put(connectionId, new Subscription(connectionId, clusters == null ? "" : clusters));
        }
    }

    public synchronized void unsubscribe(ServiceKey key, String connectionId) {
        ServiceEntry entry = services.get(key);
        if (entry != null) {
            entry.subscribers.remove(connectionId);
            dropIfUnused(key, entry);
        }
    }

    synchronized List<Subscription> subscribers(ServiceKey key) {
        ServiceEntry entry = services.get(key);
        return entry == null ? List.of() : List.copyOf(entry.subscribers.values());
    }

    /**
     * The service as clients see it: instances of the requested clusters (comma separated, empty for all), only
     * enabled ones, only healthy ones when asked.
     */
    public ServiceInfo serviceInfo(ServiceKey key, String clusters, boolean healthyOnly) {
        Set<String> wanted =
                clusters == null || clusters.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(clusters.split(",")));
        List<Instance> hosts = new ArrayList<>();
        synchronized (this) {
            ServiceEntry entry = services.get(key);
            if (entry != null) {
                for (List<Instance> held : entry.byOwner.values()) {
                    for (Instance instance : held) {
                        if ((wanted.isEmpty() || wanted.contains(instance.getClusterName()))
                                && instance.isEnabled()
                                && (!healthyOnly || instance.isHealthy())) {
                            hosts.add(copy(instance));
                        }
                    }
                }
            }
        }
        ServiceInfo info = new ServiceInfo();
        info.setName(key.name());
        info.setGroupName(key.group());
        info.setClusters(clusters == null ? "" : clusters);
        info.setCacheMillis(DEFAULT_CACHE_MILLIS);
        info.setLastRefTime(System.currentTimeMillis());
        info.setHosts(hosts);
        return info;
    }

    /** Service names (without group) of a namespace and group, sorted, paged as Nacos pages (from 1). */
    public synchronized List<String> serviceNames(String namespace, String group) {
        Set<String> names = new TreeSet<>();
        for (ServiceKey key : services.keySet()) {
            if (key.namespace().equals(namespace) && key.group().equals(group)) {
                names.add(key.name());
            }
        }
        return List.copyOf(names);
    }

    /** namespace -> grouped service name -> instances; for the console page. */
    public synchronized Map<String, Map<String, List<Instance>>> snapshot() {
        Map<String, Map<String, List<Instance>>> result = new TreeMap<>();
        for (Map.Entry<ServiceKey, ServiceEntry> e : services.entrySet()) {
            List<Instance> all = new ArrayList<>();
            e.getValue().byOwner.values().forEach(held -> held.forEach(i -> all.add(copy(i))));
            result.computeIfAbsent(e.getKey().namespace(), n -> new TreeMap<>())
                    .put(e.getKey().groupedName(), all);
        }
        return result;
    }

    public synchronized int instanceCount() {
        return services.values().stream()
                .mapToInt(s -> s.byOwner.values().stream().mapToInt(List::size).sum())
                .sum();
    }

    public synchronized int serviceCount() {
        return services.size();
    }

    public synchronized int subscriberCount() {
        return services.values().stream().mapToInt(s -> s.subscribers.size()).sum();
    }

    /** Instances of the given owners matching the predicate: how the heart-beat checker finds its instances. */
    public synchronized Map<ServiceKey, List<Instance>> instancesOwnedBy(Predicate<String> owner) {
        Map<ServiceKey, List<Instance>> result = new LinkedHashMap<>();
        services.forEach((key, entry) -> entry.byOwner.forEach((o, held) -> {
            if (owner.test(o)) {
                held.forEach(
                        i -> result.computeIfAbsent(key, k -> new ArrayList<>()).add(copy(i)));
            }
        }));
        return result;
    }

    private void dropIfUnused(ServiceKey key, ServiceEntry entry) {
        if (entry.byOwner.isEmpty() && entry.subscribers.isEmpty()) {
            services.remove(key);
        }
    }

    private void changed(ServiceKey key) {
        for (Consumer<ServiceKey> listener : changeListeners) {
            listener.accept(key);
        }
    }

    private static boolean sameEndpoint(Instance a, Instance b) {
        return a.getIp().equals(b.getIp())
                && a.getPort() == b.getPort()
                && a.getClusterName().equals(b.getClusterName());
    }

    /** What a real server stores: default cluster, generated id, grouped service name. */
    private static Instance normalise(ServiceKey key, Instance source, boolean ephemeral) {
        Instance instance = copy(source);
        instance.setServiceName(key.groupedName());
        if (instance.getInstanceId() == null || instance.getInstanceId().isEmpty()) {
            // same shape as Nacos' default id generator, including a literal "null" for a missing cluster
            instance.setInstanceId(instance.getIp() + "#" + instance.getPort() + "#" + instance.getClusterName() + "#"
                    + key.groupedName());
        }
        if (instance.getClusterName() == null || instance.getClusterName().isBlank()) {
            instance.setClusterName(Constants.DEFAULT_CLUSTER_NAME);
        }
        instance.setEphemeral(ephemeral);
        return instance;
    }

    static Instance copy(Instance source) {
        Instance copy = new Instance();
        copy.setInstanceId(source.getInstanceId());
        copy.setIp(source.getIp());
        copy.setPort(source.getPort());
        copy.setWeight(source.getWeight());
        copy.setHealthy(source.isHealthy());
        copy.setEnabled(source.isEnabled());
        copy.setEphemeral(source.isEphemeral());
        copy.setClusterName(source.getClusterName());
        copy.setServiceName(source.getServiceName());
        copy.setMetadata(source.getMetadata() == null ? new HashMap<>() : new HashMap<>(source.getMetadata()));
        return copy;
    }

    private static final class ServiceEntry {
        /** LinkedHashMap: instances come back in registration order, which makes pushes stable. */
        final Map<String, List<Instance>> byOwner = new LinkedHashMap<>();

        final Map<String, Subscription> subscribers = new LinkedHashMap<>();
    }
}
