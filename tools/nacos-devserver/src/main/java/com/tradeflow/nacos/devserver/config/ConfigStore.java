package com.tradeflow.nacos.devserver.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Config items in memory, snapshotted to the data directory when one is given. Listeners hear of every change
 * (publish with new content, or removal) after it is stored.
 */
public final class ConfigStore {

    private final Map<ConfigKey, ConfigItem> items = new ConcurrentHashMap<>();
    private final ConfigSnapshot snapshot;
    private final List<Consumer<ConfigKey>> listeners = new CopyOnWriteArrayList<>();

    /** @param dataDir where configs survive restarts; null keeps them in memory only */
    public ConfigStore(Path dataDir) {
        this.snapshot = dataDir == null ? null : new ConfigSnapshot(dataDir);
        if (snapshot != null) {
            items.putAll(snapshot.load());
        }
    }

    public void onChange(Consumer<ConfigKey> listener) {
        listeners.add(listener);
    }

    public Optional<ConfigItem> get(ConfigKey key) {
        return Optional.ofNullable(items.get(key));
    }

    /** MD5 a client holding this config would have; empty when there is no such config. */
    public String md5(ConfigKey key) {
        ConfigItem item = items.get(key);
        return item == null ? "" : item.md5();
    }

    /**
     * Stores the content. With a CAS md5, the write happens only if the config is absent or its current md5 is the
     * given one (what Nacos' {@code insertOrUpdateCas} does; Dubbo publishes its service mapping this way).
     *
     * @return false when the CAS check failed and nothing was written
     */
    public boolean publish(ConfigKey key, String content, String type, String casMd5) {
        ConfigItem next = ConfigItem.of(content, type);
        boolean[] changed = {false};
        boolean[] written = {true};
        items.compute(key, (k, current) -> {
            if (casMd5 != null
                    && !casMd5.isEmpty()
                    && current != null
                    && !current.md5().equals(casMd5)) {
                written[0] = false;
                return current;
            }
            changed[0] = current == null || !current.md5().equals(next.md5());
            if (snapshot != null) {
                snapshot.write(k, next);
            }
            return next;
        });
        if (changed[0]) {
            listeners.forEach(l -> l.accept(key));
        }
        return written[0];
    }

    /** @return whether there was a config to remove */
    public boolean remove(ConfigKey key) {
        boolean[] removed = {false};
        items.computeIfPresent(key, (k, current) -> {
            removed[0] = true;
            if (snapshot != null) {
                snapshot.delete(k);
            }
            return null;
        });
        if (removed[0]) {
            listeners.forEach(l -> l.accept(key));
        }
        return removed[0];
    }

    /** All configs, sorted by namespace, group and dataId; for the console page. */
    public Map<ConfigKey, ConfigItem> all() {
        Map<ConfigKey, ConfigItem> sorted = new TreeMap<>((a, b) -> {
            int c = a.namespace().compareTo(b.namespace());
            c = c != 0 ? c : a.group().compareTo(b.group());
            return c != 0 ? c : a.dataId().compareTo(b.dataId());
        });
        sorted.putAll(items);
        return sorted;
    }

    public int size() {
        return items.size();
    }
}
