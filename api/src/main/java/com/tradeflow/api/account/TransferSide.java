package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * One side of a transfer as the wallet's shard recorded it (for reconciliation): every transfer has exactly one
 * OUT side (the payer's) and one IN side (the payee's), with the same amount and each naming the other user.
 *
 * @param direction OUT: {@code userId} paid; IN: {@code userId} received
 */
public record TransferSide(String transferId, String direction, long userId, long counterpartyUserId, long amount)
        implements Serializable {}
