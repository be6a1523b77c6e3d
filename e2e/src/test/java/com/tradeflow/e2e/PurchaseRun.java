package com.tradeflow.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A benchmark's measured batch of purchases: {@code orders} requests shared by concurrent clients, latency per
 * request as the client saw it, answers by HTTP status, and when each placed order's 201 arrived.
 *
 * @param committedAt order id -> epoch millis of its 201 (the client's view of the commit)
 */
record PurchaseRun(
        int placed,
        double seconds,
        Histogram latency,
        Map<Integer, Integer> statuses,
        long startMillis,
        Map<Long, Long> committedAt) {

    /** @param purchase places purchase number i (0 .. orders - 1) */
    static PurchaseRun measure(int clients, int orders, IntFunction<Api.Reply> purchase) throws Exception {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        Api.Reply reply = purchase.apply(i);
                        latency.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
                        statuses.merge(reply.status(), 1, Integer::sum);
                        if (reply.status() == 201) {
                            committedAt.put(reply.body().path("orderId").asLong(), System.currentTimeMillis());
                        }
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PurchaseRun(
                statuses.getOrDefault(201, 0),
                seconds,
                latency,
                Map.copyOf(statuses),
                startMillis,
                Map.copyOf(committedAt));
    }

    double perSecond() {
        return placed / seconds;
    }

    double p50() {
        return latency.getValueAtPercentile(50) / 1000.0;
    }

    double p99() {
        return latency.getValueAtPercentile(99) / 1000.0;
    }
}
