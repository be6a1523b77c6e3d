package com.tradeflow.api.inventory;

import java.io.Serializable;
import java.util.List;

/**
 * A page of skus whose stock changed after a position, oldest change first (for reconciliation).
 *
 * @param next where the next page starts: pass it back as is
 * @param more the page was cut short: ask again at once
 */
public record StockLevels(List<StockLevel> skus, String next, boolean more) implements Serializable {}
