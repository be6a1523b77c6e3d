package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole stack, started once per test run (through devstack, like a user does) and stopped when the run ends.
 * Test classes share it with {@code @ExtendWith(TestStack.class)}, then use {@link #api()} and {@link #db()}.
 */
public final class TestStack implements BeforeAllCallback {

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestStack.class, key -> start(), Running.class);
    }

    private static synchronized Running start() {
        if (running == null) {
            Path root = Path.of(System.getProperty("tradeflow.root", "..")).toAbsolutePath().normalize();
            Path dir = Path.of(System.getProperty("tradeflow.e2e.dir", "target/stack")).toAbsolutePath();
            // every run starts from the demo data: the databases of an earlier run are dropped
            deleteRecursively(dir.resolve("mariadb"));
            DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir));
            System.out.print(stack.summary());
            running = new Running(stack, new Api(stack.webUrl(), stack.options().adminToken()), new Databases(stack.options()));
        }
        return running;
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

    public static DevStack stack() {
        return running.stack;
    }

    public static Api api() {
        return running.api;
    }

    public static Databases db() {
        return running.db;
    }

    /** Closed by JUnit when the whole run is over. */
    record Running(DevStack stack, Api api, Databases db) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
