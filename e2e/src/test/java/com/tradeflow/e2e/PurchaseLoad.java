package com.tradeflow.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Purchases of one unit placed without pause while a fault test breaks something: one client per user, each on its
 * own sku (clients sharing a sku would meet each other's row locks and answer 409), modes in turn, backing off after a
 * refusal (429, 5xx). Counts the answers by HTTP status.
 */
final class PurchaseLoad implements AutoCloseable {

    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;
    private static final long BACK_OFF_MILLIS = 250;

    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final List<Future<?>> load = new ArrayList<>();

    private PurchaseLoad(Api api, List<Long> users, List<Long> skus) {
        clients = Executors.newFixedThreadPool(users.size());
        for (int c = 0; c < users.size(); c++) {
            long user = users.get(c);
            long sku = skus.get(c);
            load.add(clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    int status = api.placeOrder(user, sku, 1, MODES[i % MODES.length])
                            .status();
                    statuses.merge(status, 1, Integer::sum);
                    answered.incrementAndGet();
                    if (status == TOO_MANY_REQUESTS || status >= SERVER_ERROR) {
                        // as a real client backs off: a refusal is fast, and a tight loop of them starves the stack
                        Thread.sleep(BACK_OFF_MILLIS);
                    }
                }
                return null; // a Callable, so that the back-off may be interrupted
            }));
        }
    }

    /** @param skus one per user, in the same order */
    static PurchaseLoad start(Api api, List<Long> users, List<Long> skus) {
        return new PurchaseLoad(api, users, skus);
    }

    /** Answers so far. */
    int answered() {
        return answered.get();
    }

    /**
     * Stops the clients after their purchase in flight and waits for them.
     *
     * @return the answers by HTTP status
     */
    Map<Integer, Integer> stop() throws Exception {
        running.set(false);
        try {
            for (Future<?> client : load) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdown();
        }
        return Map.copyOf(statuses);
    }

    @Override
    public void close() throws Exception {
        if (running.get()) {
            stop();
        }
    }
}
