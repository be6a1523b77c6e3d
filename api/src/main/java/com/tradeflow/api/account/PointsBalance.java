package com.tradeflow.api.account;

import java.io.Serializable;
import java.util.List;

/**
 * A user's loyalty points beside the order events applied to them, read in one consistent snapshot (for
 * reconciliation). The books agree when {@code points} is what those events' orders are worth
 * ({@link LoyaltyPointsRule}), placed ones added, cancelled ones taken back.
 */
public record PointsBalance(long userId, long points, List<AppliedOrderEvent> applied) implements Serializable {}
