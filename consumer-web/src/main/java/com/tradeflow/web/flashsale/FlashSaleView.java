package com.tradeflow.web.flashsale;

import java.time.Instant;

/**
 * A flash sale as the web API answers it. Money in cents.
 *
 * @param taken tickets QUEUED or PLACED (the database's count)
 * @param left  units Redis still grants; null while it holds no counters for the sale
 */
record FlashSaleView(
        String saleId,
        long skuId,
        int quantity,
        long price,
        Instant startsAt,
        Instant endsAt,
        int perUserLimit,
        int taken,
        Integer left) {

    static FlashSaleView of(FlashSale sale, int taken, Integer left) {
        return new FlashSaleView(
                String.valueOf(sale.saleId()),
                sale.skuId(),
                sale.quantity(),
                sale.price(),
                sale.startsAt(),
                sale.endsAt(),
                sale.perUserLimit(),
                taken,
                left);
    }
}
