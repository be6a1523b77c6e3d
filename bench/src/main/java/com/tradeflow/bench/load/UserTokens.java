package com.tradeflow.bench.load;

/** The access token a user's requests carry ({@code Authorization: Bearer ...}). */
public interface UserTokens {

    /** @throws IllegalStateException the user has none and cannot get one */
    String of(long userId);
}
