package com.tradeflow.nacos.devserver.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configs on disk, one JSON file per config, so that the local stack keeps its configs across restarts. Names
 * hold no '/' or '+' (see {@link ConfigRules}), so {@code tenant+group+dataId.json} is a safe, unique file name.
 * Each write goes to a temporary file first and is then renamed: a crash leaves the old or the new content.
 */
final class ConfigSnapshot {

    private static final Logger log = LoggerFactory.getLogger(ConfigSnapshot.class);
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    ConfigSnapshot(Path dataDir) {
        this.dir = dataDir.resolve("config");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create config snapshot directory " + dir, e);
        }
    }

    Map<ConfigKey, ConfigItem> load() {
        Map<ConfigKey, ConfigItem> loaded = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(file -> {
                try {
                    Stored stored = json.readValue(file.toFile(), Stored.class);
                    loaded.put(
                            new ConfigKey(stored.tenant(), stored.group(), stored.dataId()),
                            new ConfigItem(
                                    stored.content(),
                                    ConfigItem.md5Of(stored.content()),
                                    stored.type(),
                                    stored.lastModified()));
                } catch (IOException | RuntimeException e) {
                    log.error("skipping unreadable config snapshot {}: {}", file, e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config snapshots in " + dir, e);
        }
        log.info("loaded {} configs from {}", loaded.size(), dir);
        return loaded;
    }

    void write(ConfigKey key, ConfigItem item) {
        Path target = file(key);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            json.writeValue(
                    temp.toFile(),
                    new Stored(
                            key.tenant(), key.group(), key.dataId(), item.content(), item.type(), item.lastModified()));
            move(temp, target);
        } catch (IOException e) {
            // the in-memory state is still right; only a restart would lose this change
            log.error("cannot write config snapshot {}", target, e);
        }
    }

    void delete(ConfigKey key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            log.error("cannot delete config snapshot {}", file(key), e);
        }
    }

    private Path file(ConfigKey key) {
        return dir.resolve(key.namespace() + "+" + key.group() + "+" + key.dataId() + SUFFIX);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    record Stored(String tenant, String group, String dataId, String content, String type, long lastModified) {}
}
