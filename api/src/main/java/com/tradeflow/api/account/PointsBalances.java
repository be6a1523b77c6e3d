package com.tradeflow.api.account;

import java.io.Serializable;
import java.util.List;

/**
 * A page of users whose points changed after a position, oldest change first (for reconciliation).
 *
 * @param next where the next page starts: pass it back as is
 * @param more the page was cut short: ask again at once
 */
public record PointsBalances(List<PointsBalance> users, String next, boolean more) implements Serializable {}
