package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A chaos run against the test stack: a mixed workload through the web API (purchases in AT, TCC and XA, some
 * cancelled right after, transfers within and across wallet shards) while faults from {@link ChaosFault} are injected
 * one at a time, each for a while and then healed. Every request and answer goes into a {@link ChaosHistory}; once
 * the run is over and healed, the stack is given time to settle and {@link ChaosChecker} holds the databases to it.
 *
 * @param duration    how long the workload runs
 * @param clients     concurrent clients, each with its own user and sku (a transfer pays another client's user)
 * @param faultEvery  a fault starts this long after the previous one healed (and first after this long)
 * @param faultFor    how long a fault lasts before it is healed
 * @param faults      the faults, taken in turn from a shuffled list (shuffled by {@code seed})
 * @param settleWithin how long the stack may take to finish what was in flight once healed
 */
record ChaosRun(
        Duration duration,
        int clients,
        Duration faultEvery,
        Duration faultFor,
        List<ChaosFault> faults,
        long seed,
        Duration settleWithin) {

    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final long BALANCE = 50_000_000;
    private static final long STOCK = 1_000_000;
    private static final long PRICE = 700;
    private static final double CANCEL_SHARE = 0.15;
    private static final double TRANSFER_SHARE = 0.15;
    private static final long TRANSFER_MAX = 5_000;
    /** A client answered 429, 5xx (or nothing) waits this long before its next request, as a real client backs off. */
    private static final long BACK_OFF_MILLIS = 250;

    /** What a run found. */
    record Result(ChaosHistory history, List<String> violations, long startMillis, long endMillis, Path report) {}

    Result run(DevStack stack, Api api, Databases db, Path reportDir) throws Exception {
        // consecutive ids: neighbours sit in different wallet shards, so transfers cross shards half the time
        List<Long> users = db.newUsers(clients, BALANCE);
        List<Long> skus = db.newProducts(clients, PRICE, STOCK);
        ChaosChecker checker = new ChaosChecker(db, users, skus, clients * BALANCE, clients * STOCK);
        ChaosHistory history = new ChaosHistory();
        WalletTransfers transfers = new WalletTransfers(api, db);
        AtomicBoolean running = new AtomicBoolean(true);
        long startMillis = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long user = users.get(c);
            long sku = skus.get(c);
            long payee = users.get((c + 1) % clients);
            Random random = new Random(seed + c);
            load.add(pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String mode = MODES[i % MODES.length];
                    double pick = random.nextDouble();
                    if (pick < TRANSFER_SHARE) {
                        long started = System.currentTimeMillis();
                        Api.Reply reply = answer(() -> transfers.transfer(
                                user,
                                payee,
                                1 + random.nextInt((int) TRANSFER_MAX),
                                UUID.randomUUID().toString()));
                        history.add(new ChaosHistory.Op(
                                "TRANSFER",
                                "",
                                user,
                                id(reply, "transferId"),
                                started,
                                System.currentTimeMillis(),
                                reply.status()));
                        continue;
                    }
                    long started = System.currentTimeMillis();
                    Api.Reply placed = answer(() -> api.placeOrder(user, sku, 1, mode));
                    String orderId = id(placed, "orderId");
                    history.add(new ChaosHistory.Op(
                            "PURCHASE", mode, user, orderId, started, System.currentTimeMillis(), placed.status()));
                    if (placed.status() == 201 && pick < TRANSFER_SHARE + CANCEL_SHARE) {
                        long cancelStarted = System.currentTimeMillis();
                        Api.Reply cancelled = answer(() -> api.cancel(orderId, user));
                        history.add(new ChaosHistory.Op(
                                "CANCEL",
                                mode,
                                user,
                                orderId,
                                cancelStarted,
                                System.currentTimeMillis(),
                                cancelled.status()));
                    }
                }
            }));
        }
        try {
            injectFaults(stack, history, startMillis);
        } finally {
            running.set(false);
            for (Future<?> client : load) {
                client.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        long endMillis = System.currentTimeMillis();
        List<String> left = settle(checker);
        List<String> violations = left.isEmpty() ? checker.violations(history) : prefix("not settled: ", left);
        Path report = ChaosReport.write(reportDir, this, history, violations, startMillis, endMillis);
        return new Result(history, violations, startMillis, endMillis, report);
    }

    /** Faults one at a time until the run's time is up; the last one is healed before it returns. */
    private void injectFaults(DevStack stack, ChaosHistory history, long startMillis) throws InterruptedException {
        List<ChaosFault> order = new ArrayList<>(faults);
        java.util.Collections.shuffle(order, new Random(seed));
        long end = startMillis + duration.toMillis();
        for (int next = 0; ; next++) {
            Thread.sleep(Math.max(0, Math.min(faultEvery.toMillis(), end - System.currentTimeMillis())));
            if (System.currentTimeMillis() + faultFor.toMillis() > end || order.isEmpty()) {
                Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
                return;
            }
            ChaosFault fault = order.get(next % order.size());
            long from = System.currentTimeMillis();
            System.out.printf("chaos: %s at +%d s%n", fault.name(), (from - startMillis) / 1000);
            fault.inject().accept(stack);
            try {
                Thread.sleep(faultFor.toMillis());
            } finally {
                fault.heal().accept(stack);
                history.add(new ChaosHistory.Fault(fault.name(), from, System.currentTimeMillis()));
            }
        }
    }

    /** Waits until nothing is in flight any more, or the settle time is up; returns what is still in flight. */
    private List<String> settle(ChaosChecker checker) throws InterruptedException {
        long deadline = System.currentTimeMillis() + settleWithin.toMillis();
        List<String> left = checker.inFlight();
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
            left = checker.inFlight();
        }
        return left;
    }

    /** A request's answer; a request without one (connection refused, closed, timed out) is status 0. */
    private static Api.Reply answer(java.util.function.Supplier<Api.Reply> request) {
        Api.Reply reply;
        try {
            reply = request.get();
        } catch (RuntimeException e) {
            reply = new Api.Reply(0, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
        if (reply.status() == 0 || reply.status() == 429 || reply.status() >= 500) {
            try {
                Thread.sleep(BACK_OFF_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return reply;
    }

    private static String id(Api.Reply reply, String field) {
        return reply.body() == null ? "" : reply.body().path(field).asText("");
    }

    private static List<String> prefix(String prefix, List<String> lines) {
        return lines.stream().map(line -> prefix + line).toList();
    }
}
