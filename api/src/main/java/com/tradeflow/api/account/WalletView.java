package com.tradeflow.api.account;

import java.io.Serializable;

/** A wallet's balance in cents. */
public record WalletView(long userId, long balance) implements Serializable {
}
