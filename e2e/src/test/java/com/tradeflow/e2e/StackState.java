package com.tradeflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The data a stack keeps under its directory between runs. */
final class StackState {

    private StackState() {}

    /**
     * Drops the databases, the broker's messages and offsets and the coordinator's sessions (files, or the db store
     * in MariaDB) of an earlier run,
     * so a run starts from the demo data (old events would otherwise reach the new databases).
     */
    static void clear(Path stackDir) {
        for (String state : new String[] {"mariadb", "rocketmq", "seata", "seata-2"}) {
            deleteRecursively(stackDir.resolve(state));
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
