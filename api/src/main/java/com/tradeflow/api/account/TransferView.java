package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * A transfer between two wallets, in cents. Only completed transfers exist: one that failed changed nothing.
 *
 * @param mode      {@code XA} when the two wallets live on different account shards (two-phase commit over both
 *                  databases), {@code LOCAL} when on the same one
 * @param createdAt ISO-8601 instant of the commit's transaction
 */
public record TransferView(
        String transferId, long fromUserId, long toUserId, long amount, String status, String mode, String createdAt)
        implements Serializable {

    public static final String COMPLETED = "COMPLETED";
}
