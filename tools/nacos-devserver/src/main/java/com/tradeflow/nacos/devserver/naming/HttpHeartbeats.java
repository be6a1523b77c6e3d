package com.tradeflow.nacos.devserver.naming;

import com.alibaba.nacos.api.common.Constants;
import com.alibaba.nacos.api.naming.PreservedMetadataKeys;
import com.alibaba.nacos.api.naming.pojo.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ephemeral instances registered over the 1.x HTTP API live on heart beats (the Seata TC beats every 5 s): an
 * instance silent for its heart-beat timeout (15 s unless its metadata says otherwise) is pushed as unhealthy,
 * and removed after its delete timeout (30 s), as a real server does.
 */
public final class HttpHeartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpHeartbeats.class);
    private static final String OWNER_PREFIX = "http:";

    private final NamingRegistry registry;
    private final Duration defaultHeartbeatTimeout;
    private final Duration defaultDeleteTimeout;
    private final Map<String, Long> lastBeats = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nacos-dev-beat-check");
        thread.setDaemon(true);
        return thread;
    });

    public HttpHeartbeats(
            NamingRegistry registry,
            Duration defaultHeartbeatTimeout,
            Duration defaultDeleteTimeout,
            Duration checkPeriod) {
        this.registry = registry;
        this.defaultHeartbeatTimeout = defaultHeartbeatTimeout;
        this.defaultDeleteTimeout = defaultDeleteTimeout;
        checker.scheduleWithFixedDelay(
                this::check, checkPeriod.toMillis(), checkPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static String ownerOf(String ip, int port) {
        return OWNER_PREFIX + ip + ":" + port;
    }

    public void register(ServiceKey key, Instance instance) {
        registry.upsert(key, ownerOf(instance.getIp(), instance.getPort()), instance, true);
        lastBeats.put(
                beatKey(key, instance.getIp(), instance.getPort(), cluster(instance.getClusterName())),
                System.currentTimeMillis());
    }

    public boolean deregister(ServiceKey key, String ip, int port, String cluster) {
        lastBeats.remove(beatKey(key, ip, port, cluster(cluster)));
        return registry.deregister(key, ownerOf(ip, port), ip, port, cluster(cluster));
    }

    /** @return false when the instance is unknown (the client must register it again) */
    public boolean beat(ServiceKey key, String ip, int port, String cluster) {
        String c = cluster(cluster);
        if (!registry.contains(key, ownerOf(ip, port), ip, port, c)) {
            return false;
        }
        lastBeats.put(beatKey(key, ip, port, c), System.currentTimeMillis());
        if (registry.setHealthy(key, ownerOf(ip, port), ip, port, c, true)) {
            log.info("{} {}:{} is beating again: healthy", key.groupedName(), ip, port);
        }
        return true;
    }

    private void check() {
        long now = System.currentTimeMillis();
        Map<ServiceKey, List<Instance>> beating = registry.instancesOwnedBy(o -> o.startsWith(OWNER_PREFIX));
        beating.forEach((key, instances) -> {
            for (Instance instance : instances) {
                String beatKey = beatKey(key, instance.getIp(), instance.getPort(), instance.getClusterName());
                long silent = now - lastBeats.computeIfAbsent(beatKey, k -> now);
                if (silent > timeout(instance, PreservedMetadataKeys.IP_DELETE_TIMEOUT, defaultDeleteTimeout)) {
                    log.info(
                            "{} {}:{} removed: no beat for {} ms",
                            key.groupedName(),
                            instance.getIp(),
                            instance.getPort(),
                            silent);
                    deregister(key, instance.getIp(), instance.getPort(), instance.getClusterName());
                } else if (silent > timeout(instance, PreservedMetadataKeys.HEART_BEAT_TIMEOUT, defaultHeartbeatTimeout)
                        && registry.setHealthy(
                                key,
                                ownerOf(instance.getIp(), instance.getPort()),
                                instance.getIp(),
                                instance.getPort(),
                                instance.getClusterName(),
                                false)) {
                    log.info(
                            "{} {}:{} unhealthy: no beat for {} ms",
                            key.groupedName(),
                            instance.getIp(),
                            instance.getPort(),
                            silent);
                }
            }
        });
    }

    private static long timeout(Instance instance, String metadataKey, Duration fallback) {
        String value =
                instance.getMetadata() == null ? null : instance.getMetadata().get(metadataKey);
        if (value != null) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException ignored) {
                // a bad value in metadata falls back to the default, as on a real server
            }
        }
        return fallback.toMillis();
    }

    private static String cluster(String cluster) {
        return cluster == null || cluster.isBlank() ? Constants.DEFAULT_CLUSTER_NAME : cluster;
    }

    private static String beatKey(ServiceKey key, String ip, int port, String cluster) {
        return key.namespace() + "|" + key.groupedName() + "|" + ip + ":" + port + "|" + cluster;
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
