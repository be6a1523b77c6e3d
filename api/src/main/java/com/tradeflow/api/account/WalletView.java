package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * A wallet in cents.
 *
 * @param balance what the user can spend
 * @param frozen  held by TCC purchases whose global transaction has not finished
 */
public record WalletView(long userId, long balance, long frozen) implements Serializable {
}
