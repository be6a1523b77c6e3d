package com.tradeflow.bench.scenario;

import com.tradeflow.bench.load.HttpCall;
import com.tradeflow.bench.load.IdempotencyKeys;
import com.tradeflow.bench.load.Step;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code POST /api/transfers} between two random users. The modes are the ones the API reports for a transfer:
 * {@code LOCAL} pairs two wallets in one account shard (a plain local transaction), {@code XA} two in different
 * shards (one XA transaction over both databases).
 */
public final class Transfers implements Scenario {

    static final String TRANSFER = "transfer";
    private static final String SAME_SHARD = "LOCAL";

    private final BenchData data;
    private final String runPrefix;
    private final long amountCents;

    public Transfers(BenchData data, String runPrefix, long amountCents) {
        if (amountCents < 1) {
            throw new IllegalArgumentException("the amount must be at least 1 cent");
        }
        if (data.usersInShard(0) < 2 || data.usersInShard(1) < 2) {
            throw new IllegalArgumentException(
                    "transfers need two users in each account shard (user id % 2): " + "--users 4 or more");
        }
        this.data = data;
        this.runPrefix = runPrefix;
        this.amountCents = amountCents;
    }

    @Override
    public String name() {
        return "transfers";
    }

    @Override
    public String unit() {
        return TRANSFER;
    }

    @Override
    public String primaryOperation() {
        return TRANSFER;
    }

    @Override
    public List<String> modes() {
        return List.of(SAME_SHARD, "XA");
    }

    @Override
    public Step step(String mode, int worker) {
        SplittableRandom random = new SplittableRandom();
        IdempotencyKeys keys = IdempotencyKeys.forWorker(runPrefix, worker);
        boolean sameShard = SAME_SHARD.equals(mode);
        return session -> {
            long from = data.user(random);
            session.call(TRANSFER, transfer(from, data.otherUser(random, from, sameShard), keys.next()));
        };
    }

    @Override
    public HttpCall sample(String mode, String idempotencyKey) {
        SplittableRandom random = new SplittableRandom();
        long from = data.firstUser();
        return transfer(from, data.otherUser(random, from, SAME_SHARD.equals(mode)), idempotencyKey);
    }

    private HttpCall transfer(long from, long to, String idempotencyKey) {
        return HttpCall.post(
                from,
                "/api/transfers",
                "{\"fromUserId\":" + from + ",\"toUserId\":" + to + ",\"amount\":" + amountCents + "}",
                idempotencyKey);
    }
}
