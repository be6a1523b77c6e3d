package com.tradeflow.account.config;

/** How the account data spreads over its databases: a user's rows live in shard {@code user_id % COUNT}. */
public final class AccountShards {

    public static final int COUNT = 2;

    private AccountShards() {}

    public static int of(long userId) {
        return (int) Math.floorMod(userId, (long) COUNT);
    }
}
