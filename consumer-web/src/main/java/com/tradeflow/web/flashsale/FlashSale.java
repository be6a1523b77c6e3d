package com.tradeflow.web.flashsale;

import java.time.Instant;

/**
 * A flash sale: {@code quantity} units of one sku at {@code price} (cents), between {@code startsAt} (inclusive)
 * and {@code endsAt} (exclusive), at most {@code perUserLimit} tickets per user, one unit per ticket. Fixed once
 * opened.
 */
record FlashSale(
        long saleId, long skuId, int quantity, long price, Instant startsAt, Instant endsAt, int perUserLimit) {

    boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
