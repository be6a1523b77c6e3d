package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole stack, started once per test run (through devstack, like a user does) and stopped when the run ends.
 * Test classes share it with {@code @ExtendWith(TestStack.class)}, then use {@link #api()} and {@link #db()}.
 */
public final class TestStack implements BeforeAllCallback {

    private static final int WARM_UP_ATTEMPTS = 5;

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestStack.class, key -> start(), Running.class);
    }

    private static synchronized Running start() {
        if (running == null) {
            Path root = Path.of(System.getProperty("tradeflow.root", ".."))
                    .toAbsolutePath()
                    .normalize();
            Path dir = Path.of(System.getProperty("tradeflow.e2e.dir", "target/stack"))
                    .toAbsolutePath();
            StackState.clear(dir);
            DevStack stack = DevStack.start(DevStackOptions.forTests(root, dir));
            System.out.print(stack.summary());
            // one sign-in per user for the whole run, whichever web instance a test calls
            Tokens tokens = new Tokens(stack.options().identity());
            running = new Running(
                    stack,
                    Api.of(stack, ServiceName.WEB, tokens),
                    Api.of(stack, ServiceName.WEB_TRANSACTIONAL, tokens),
                    new Databases(stack.options()));
            // a user and a cheap product of the warm-up's own, enough for every attempt of both web instances
            long user = running.db.newUser(100_000);
            long sku = running.db.newProduct(100, 1_000);
            warmUp(running.api, user, sku);
            warmUp(running.transactionalApi, user, sku);
        }
        return running;
    }

    /**
     * One purchase per mode through a web instance before any test: the first calls of a fresh JVM load Seata's
     * table metadata, ShardingSphere's parser and the Dubbo channels, and on a busy machine took longer than the
     * 5 s provider timeout (a test's first purchase answered 503). Refusals are retried a few times.
     */
    private static void warmUp(Api api, long user, long sku) {
        for (String mode : new String[] {"AT", "TCC", "XA"}) {
            Api.Reply reply = null;
            for (int attempt = 0; attempt < WARM_UP_ATTEMPTS && (reply == null || reply.status() != 201); attempt++) {
                reply = api.placeOrder(user, sku, 1, mode);
            }
            if (reply.status() != 201) {
                throw new IllegalStateException("the stack does not take purchases (" + mode + "): " + reply);
            }
        }
    }

    public static DevStack stack() {
        return running.stack;
    }

    public static Api api() {
        return running.api;
    }

    /** The web API of one consumer-web instance: WEB (outbox publisher) or WEB_TRANSACTIONAL. */
    public static Api api(ServiceName web) {
        return switch (web) {
            case WEB -> running.api;
            case WEB_TRANSACTIONAL -> running.transactionalApi;
            default -> throw new IllegalArgumentException(web + " has no web API");
        };
    }

    public static Databases db() {
        return running.db;
    }

    /** Closed by JUnit when the whole run is over. */
    record Running(DevStack stack, Api api, Api transactionalApi, Databases db)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.killAndClose();
        }
    }
}
