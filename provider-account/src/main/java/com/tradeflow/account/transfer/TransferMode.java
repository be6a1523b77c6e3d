package com.tradeflow.account.transfer;

import com.tradeflow.account.config.AccountShards;

/** How a transfer commits, decided by where its two wallets live. */
enum TransferMode {

    /** Both wallets on one account shard: a plain local transaction of that database. */
    LOCAL,
    /** The wallets on two shards: one XA transaction over both databases, two-phase commit. */
    XA;

    static TransferMode of(long fromUserId, long toUserId) {
        return AccountShards.of(fromUserId) == AccountShards.of(toUserId) ? LOCAL : XA;
    }
}
