package com.tradeflow.api.inventory;

import java.io.Serializable;

/**
 * A product and its stock. Money in cents.
 *
 * @param available units that can be bought
 * @param reserved  units held by TCC purchases whose global transaction has not finished
 * @param sold      units in placed and not cancelled orders, counted from order events
 */
public record ProductView(long skuId, String name, long price, long available, long reserved, long sold)
        implements Serializable {}
