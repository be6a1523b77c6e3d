package com.tradeflow.api.account;

import java.io.Serializable;
import java.util.List;

/**
 * Transfers with a side recorded after a position, each with all its sides from every shard (for reconciliation).
 *
 * @param next where the next page starts: pass it back as is
 * @param more the page was cut short: ask again at once
 */
public record TransferSides(List<TransferSide> sides, String next, boolean more) implements Serializable {}
