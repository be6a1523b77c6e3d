package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.tradeflow.devstack.DevStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A chaos run against the test stack: a mixed workload through the web API of both consumer-web instances
 * (purchases in AT, TCC and XA, some cancelled right after, transfers within and across wallet shards, top-ups
 * through the payment gateway, tickets of a flash sale) while the faults of a {@link FaultPlan} are injected, one or
 * two at a time, each for a while and then healed. Every request and answer goes into a {@link ChaosHistory}; once
 * the run is over and healed, the stack is given time to settle and {@link ChaosChecker} holds the databases to it.
 *
 * @param duration     how long the workload runs
 * @param clients      concurrent clients, each with its own user and sku (a transfer pays another client's user)
 * @param faults       what is injected, how often and for how long
 * @param seed         the seed of the faults' order and of each client's choices
 * @param settleWithin how long the stack may take to finish what was in flight once healed
 */
record ChaosRun(Duration duration, int clients, FaultPlan faults, long seed, Duration settleWithin) {

    /**
     * @param kinds   the faults, taken in turn from a list shuffled by the run's seed
     * @param every   a fault starts this long after the previous ones healed (and first after this long)
     * @param lasting how long a fault lasts before it is healed
     * @param atOnce  at most this many faults at a time (1 or 2): a second one joins a third of the time, when it
     *                {@link ChaosFault#canJoin can}
     */
    record FaultPlan(List<ChaosFault> kinds, Duration every, Duration lasting, int atOnce) {}

    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final long BALANCE = 50_000_000;
    private static final long STOCK = 1_000_000;
    private static final long PRICE = 700;
    private static final double TRANSFER_SHARE = 0.12;
    private static final double TOP_UP_SHARE = 0.05;
    private static final double FLASH_SALE_SHARE = 0.04;
    /** Of the purchases: cancelled right after they were placed. */
    private static final double CANCEL_SHARE = 0.15;

    private static final long TRANSFER_MAX = 5_000;
    private static final long TOP_UP_MAX = 5_000;
    /** The flash sale: units per client, at most two tickets a user, at this price. */
    private static final int SALE_UNITS_PER_CLIENT = 2;

    private static final int SALE_PER_USER = 2;
    private static final long SALE_PRICE = 500;
    /**
     * A client answered 429, 5xx (or nothing) waits this long before its next request, as a real client backs off.
     */
    private static final long BACK_OFF_MILLIS = 250;

    /** What a run found. */
    record Result(ChaosHistory history, List<String> violations, long startMillis, long endMillis, Path report) {}

    /**
     * @param webs the web API of each consumer-web instance: client c talks to instance c mod n, and asks the next
     *             one, with the same idempotency key, when its own gives no answer (as a load balancer would)
     */
    Result run(DevStack stack, List<Api> webs, Databases db, Path reportDir) throws Exception {
        // consecutive ids: neighbours sit in different wallet shards, so transfers cross shards half the time
        List<Long> users = db.newUsers(clients, BALANCE);
        List<Long> skus = new ArrayList<>(db.newProducts(clients, PRICE, STOCK));
        long saleSku = db.newProduct(PRICE, STOCK);
        skus.add(saleSku);
        String saleId = openFlashSale(webs.get(0), saleSku);
        ChaosChecker checker = new ChaosChecker(
                db, webs.get(0), new Gateway(stack), users, skus, saleId, clients * BALANCE, (clients + 1) * STOCK);
        ChaosHistory history = new ChaosHistory();
        AtomicBoolean running = new AtomicBoolean(true);
        long startMillis = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(
                    rotate(webs, c), db, users.get(c), skus.get(c), users.get((c + 1) % clients), saleId, history);
            Random random = new Random(seed + c);
            load.add(pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    client.next(random, MODES[i % MODES.length]);
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
        Path report = ChaosReport.write(reportDir, this, history, webs.size(), violations, startMillis, endMillis);
        return new Result(history, violations, startMillis, endMillis, report);
    }

    /** One client's requests, each recorded with its answer. */
    private record Client(
            List<Api> webs, Databases db, long user, long sku, long payee, String saleId, ChaosHistory history) {

        void next(Random random, String mode) {
            double pick = random.nextDouble();
            if (pick < TRANSFER_SHARE) {
                String key = UUID.randomUUID().toString();
                long amount = 1 + random.nextInt((int) TRANSFER_MAX);
                sendAndRecord(
                        "TRANSFER",
                        "",
                        idIn("transferId"),
                        api -> new WalletTransfers(api, db).transfer(user, payee, amount, key));
            } else if (pick < TRANSFER_SHARE + TOP_UP_SHARE) {
                String key = UUID.randomUUID().toString();
                long amount = 100 + random.nextInt((int) TOP_UP_MAX);
                sendAndRecord("TOP_UP", "", idIn("merchantOrderNo"), api -> api.topUp(user, amount, key));
            } else if (pick < TRANSFER_SHARE + TOP_UP_SHARE + FLASH_SALE_SHARE) {
                sendAndRecord(
                        "FLASH_SALE",
                        "",
                        idIn("ticketId"),
                        api -> api.as(user)
                                .post("/api/flash-sales/" + saleId + "/orders", "{\"userId\":" + user + "}"));
            } else {
                String key = UUID.randomUUID().toString();
                Api.Reply placed = sendAndRecord(
                        "PURCHASE", mode, idIn("orderId"), api -> api.placeOrder(user, sku, 1, mode, key));
                if (placed.status() == 201 && random.nextDouble() < CANCEL_SHARE) {
                    String orderId = placed.body().path("orderId").asText();
                    sendAndRecord("CANCEL", mode, reply -> orderId, api -> api.cancel(orderId, user));
                }
            }
        }

        /**
         * Sends the request to this client's instance, and to the next one when no answer came: the same request
         * there, with the same idempotency key (a ticket has none: asking again would be a second ticket, so it is
         * not asked again); records the answer under the id {@code subject} takes from it.
         */
        private Api.Reply sendAndRecord(
                String kind, String mode, Function<Api.Reply, String> subject, Function<Api, Api.Reply> request) {
            long started = System.currentTimeMillis();
            Api.Reply reply = answer(webs.get(0), request);
            if (reply.status() == 0 && !kind.equals("FLASH_SALE")) {
                reply = answer(webs.get(1 % webs.size()), request);
            }
            history.add(new ChaosHistory.Op(
                    kind, mode, user, subject.apply(reply), started, System.currentTimeMillis(), reply.status()));
            return reply;
        }

        private static Function<Api.Reply, String> idIn(String field) {
            return reply -> reply.body().path(field).asText("");
        }
    }

    /** The clients' view of the instances: starting at instance {@code first}. */
    private static List<Api> rotate(List<Api> webs, int first) {
        List<Api> rotated = new ArrayList<>(webs);
        Collections.rotate(rotated, -(first % webs.size()));
        return rotated;
    }

    /** A flash sale on its own sku, open from now until long after the run, some units per client. */
    private String openFlashSale(Api api, long sku) {
        Instant now = Instant.now();
        String sale = "{\"skuId\":" + sku + ",\"quantity\":" + clients * SALE_UNITS_PER_CLIENT + ",\"price\":"
                + SALE_PRICE + ",\"startsAt\":\"" + now.minusSeconds(1) + "\",\"endsAt\":\""
                + now.plus(duration).plus(settleWithin).plusSeconds(60) + "\",\"perUserLimit\":" + SALE_PER_USER + "}";
        Api.Reply opened = api.adminPost("/api/flash-sales", sale);
        if (opened.status() != 201) {
            throw new IllegalStateException("cannot open the chaos run's flash sale: " + opened);
        }
        return opened.body().path("saleId").asText();
    }

    /** Faults until the run's time is up, one or two at a time; the last ones are healed before it returns. */
    private void injectFaults(DevStack stack, ChaosHistory history, long startMillis) throws InterruptedException {
        List<ChaosFault> order = new ArrayList<>(faults.kinds());
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        long end = startMillis + duration.toMillis();
        for (int next = 0; ; next++) {
            Thread.sleep(Math.max(0, Math.min(faults.every().toMillis(), end - System.currentTimeMillis())));
            if (System.currentTimeMillis() + faults.lasting().toMillis() > end || order.isEmpty()) {
                Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
                return;
            }
            List<ChaosFault> now = new ArrayList<>(List.of(order.get(next % order.size())));
            if (faults.atOnce() > 1 && random.nextInt(3) == 0) {
                for (int k = 1; k < order.size(); k++) {
                    ChaosFault other = order.get((next + k) % order.size());
                    if (ChaosFault.canJoin(now.get(0), other)) {
                        now.add(other);
                        break;
                    }
                }
            }
            long from = System.currentTimeMillis();
            List<ChaosFault> injected = new ArrayList<>();
            try {
                for (ChaosFault fault : now) {
                    System.out.printf("chaos: %s at +%d s%n", fault.name(), (from - startMillis) / 1000);
                    fault.inject().accept(stack);
                    injected.add(fault);
                }
                Thread.sleep(faults.lasting().toMillis());
            } finally {
                Collections.reverse(injected);
                for (ChaosFault fault : injected) {
                    fault.heal().accept(stack);
                    history.add(new ChaosHistory.Fault(fault.name(), from, System.currentTimeMillis()));
                }
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

    /**
     * A request's answer; a request without one (connection refused, closed, timed out) is status 0. Backs off
     * after an answer that asks for it.
     */
    private static Api.Reply answer(Api web, Function<Api, Api.Reply> request) {
        Api.Reply reply;
        try {
            reply = request.apply(web);
        } catch (RuntimeException e) {
            reply = new Api.Reply(0, MissingNode.getInstance());
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

    private static List<String> prefix(String prefix, List<String> lines) {
        return lines.stream().map(line -> prefix + line).toList();
    }
}
