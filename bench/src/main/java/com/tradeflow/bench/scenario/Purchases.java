package com.tradeflow.bench.scenario;

import com.tradeflow.bench.load.HttpCall;
import com.tradeflow.bench.load.IdempotencyKeys;
import com.tradeflow.bench.load.Step;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code POST /api/orders}, quantity 1, a random user and sku (or the hot sku), in the mode under test: LOCAL (no
 * global transaction; only on a stack started for benchmarks), AT, TCC or XA.
 */
public final class Purchases implements Scenario {

    public static final String LOCAL = "LOCAL";
    static final String PLACE = "place";

    private final BenchData data;
    private final String runPrefix;

    public Purchases(BenchData data, String runPrefix) {
        this.data = data;
        this.runPrefix = runPrefix;
    }

    @Override
    public String name() {
        return "purchases";
    }

    @Override
    public String unit() {
        return "purchase";
    }

    @Override
    public String primaryOperation() {
        return PLACE;
    }

    @Override
    public List<String> modes() {
        return List.of(LOCAL, "AT", "TCC", "XA");
    }

    @Override
    public boolean needsBenchmarkMode(String mode) {
        return LOCAL.equals(mode);
    }

    @Override
    public Step step(String mode, int worker) {
        SplittableRandom random = new SplittableRandom();
        IdempotencyKeys keys = IdempotencyKeys.forWorker(runPrefix, worker);
        return session -> session.call(PLACE, place(data.user(random), data.sku(random), mode, keys.next()));
    }

    @Override
    public HttpCall sample(String mode, String idempotencyKey) {
        return place(data.firstUser(), data.firstSku(), mode, idempotencyKey);
    }

    /** The purchase request: one unit of {@code skuId} for {@code userId}, in {@code mode}. */
    static HttpCall place(long userId, long skuId, String mode, String idempotencyKey) {
        return HttpCall.post(
                userId,
                "/api/orders",
                "{\"userId\":" + userId + ",\"skuId\":" + skuId + ",\"quantity\":1,\"mode\":\"" + mode + "\"}",
                idempotencyKey);
    }
}
