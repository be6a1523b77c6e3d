package com.tradeflow.api.account;

/**
 * The loyalty points an order is worth: one per full 1.00 of its amount. Credited when the order is placed, taken
 * back when it is cancelled (provider-account), and what the reconciliation expects of a user's points.
 */
public final class LoyaltyPointsRule {

    private static final long CENTS_PER_POINT = 100;

    private LoyaltyPointsRule() {}

    public static long pointsFor(long amountCents) {
        return amountCents / CENTS_PER_POINT;
    }
}
