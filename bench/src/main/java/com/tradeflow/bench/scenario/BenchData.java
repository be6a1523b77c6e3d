package com.tradeflow.bench.scenario;

import java.util.SplittableRandom;

/**
 * The users and products a run uses: users {@code firstUser .. firstUser + users - 1}, skus {@code firstSku ..
 * firstSku + skus - 1}, picked uniformly at random; with {@code hotSku} every purchase takes the first sku (one row
 * that every purchase contends for).
 */
public record BenchData(long firstUser, int users, long firstSku, int skus, boolean hotSku) {

    private static final int SHARDS = 2;

    public BenchData {
        if (firstUser < 1 || firstSku < 1) {
            throw new IllegalArgumentException("user and sku ids start at 1");
        }
        if (users < 1 || skus < 1) {
            throw new IllegalArgumentException("at least one user and one sku");
        }
    }

    public long lastUser() {
        return firstUser + users - 1;
    }

    public long lastSku() {
        return firstSku + skus - 1;
    }

    public long user(SplittableRandom random) {
        return firstUser + random.nextInt(users);
    }

    public long sku(SplittableRandom random) {
        return hotSku ? firstSku : firstSku + random.nextInt(skus);
    }

    /** The account shard of a user's wallet ({@code tradeflow_account_<shard>}). */
    public static int shard(long userId) {
        return (int) (userId % SHARDS);
    }

    /** How many of the users have their wallet in {@code shard}. */
    public int usersInShard(int shard) {
        long first = firstInShard(shard);
        return first > lastUser() ? 0 : (int) ((lastUser() - first) / SHARDS + 1);
    }

    /**
     * Another user than {@code from}, whose wallet is in the same shard ({@code sameShard}) or the other one.
     *
     * @throws IllegalStateException when that shard has no other user
     */
    public long otherUser(SplittableRandom random, long from, boolean sameShard) {
        int shard = sameShard ? shard(from) : 1 - shard(from);
        int candidates = usersInShard(shard);
        if (candidates < (sameShard ? 2 : 1)) {
            throw new IllegalStateException(
                    "users " + firstUser + "-" + lastUser() + " have no second user in shard " + shard);
        }
        long first = firstInShard(shard);
        while (true) {
            long to = first + (long) SHARDS * random.nextInt(candidates);
            if (to != from) {
                return to;
            }
        }
    }

    private long firstInShard(int shard) {
        return shard(firstUser) == shard ? firstUser : firstUser + 1;
    }
}
