package com.tradeflow.api.account;

import java.io.Serializable;

/**
 * A wallet in cents.
 *
 * @param balance what the user can spend
 * @param frozen  held by TCC purchases whose global transaction has not finished
 * @param points  loyalty points, credited from order events (1 per full 1.00 of a placed order)
 */
public record WalletView(long userId, long balance, long frozen, long points) implements Serializable {}
