package com.tradeflow.bench.scenario;

import com.tradeflow.bench.load.Answer;
import com.tradeflow.bench.load.HttpCall;
import com.tradeflow.bench.load.IdempotencyKeys;
import com.tradeflow.bench.load.Step;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A purchase, then, for a share of the purchases that succeeded, its cancellation by the same user
 * ({@code POST /api/orders/{id}/cancel}): another global transaction of the order's mode. No LOCAL: an order placed
 * without a global transaction cannot be cancelled.
 */
public final class PlaceCancel implements Scenario {

    static final String CANCEL = "cancel";

    private final BenchData data;
    private final String runPrefix;
    private final double cancelShare;

    /** @param cancelShare 0-1: the share of placed orders that are cancelled right after */
    public PlaceCancel(BenchData data, String runPrefix, double cancelShare) {
        if (cancelShare < 0 || cancelShare > 1) {
            throw new IllegalArgumentException("the cancelled share must be between 0 and 1, not " + cancelShare);
        }
        this.data = data;
        this.runPrefix = runPrefix;
        this.cancelShare = cancelShare;
    }

    @Override
    public String name() {
        return "place-cancel";
    }

    @Override
    public String unit() {
        return "purchase";
    }

    @Override
    public String primaryOperation() {
        return Purchases.PLACE;
    }

    @Override
    public List<String> modes() {
        return List.of("AT", "TCC", "XA");
    }

    @Override
    public Step step(String mode, int worker) {
        SplittableRandom random = new SplittableRandom();
        IdempotencyKeys keys = IdempotencyKeys.forWorker(runPrefix, worker);
        return session -> {
            long user = data.user(random);
            Answer placed = session.call(Purchases.PLACE, Purchases.place(user, data.sku(random), mode, keys.next()));
            Optional<String> orderId = placed.successful() ? placed.field("orderId") : Optional.empty();
            if (orderId.isPresent() && random.nextDouble() < cancelShare) {
                session.call(
                        CANCEL,
                        HttpCall.post(
                                user, "/api/orders/" + orderId.get() + "/cancel", "{\"userId\":" + user + "}", null));
            }
        };
    }

    @Override
    public HttpCall sample(String mode, String idempotencyKey) {
        return Purchases.place(data.firstUser(), data.firstSku(), mode, idempotencyKey);
    }
}
