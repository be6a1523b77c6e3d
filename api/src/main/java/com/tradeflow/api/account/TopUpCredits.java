package com.tradeflow.api.account;

import java.io.Serializable;
import java.util.List;

/**
 * A page of top-up credits made after a position, oldest first (for reconciliation).
 *
 * @param next where the next page starts: pass it back as is
 * @param more the page was cut short: ask again at once
 */
public record TopUpCredits(List<TopUpCredit> credits, String next, boolean more) implements Serializable {}
