package com.tradeflow.web.product;

import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.platform.cache.FencedCache;
import com.tradeflow.web.transaction.GlobalTransactions;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Wraps every global transaction that changes a product's stock (placing, cancelling), so the product cache
 * never keeps what such a transaction shows before it is decided: no read stores the product while it runs, and
 * its cached value goes once it is over, committed or rolled back.
 */
@Component
public class StockChanges {

    private final FencedCache<ProductView> products;

    StockChanges(FencedCache<ProductView> products) {
        this.products = products;
    }

    /** Runs the transaction that changes the sku's stock. */
    public <T> GlobalTransactions.Outcome<T> around(long skuId, Supplier<GlobalTransactions.Outcome<T>> transaction) {
        FencedCache<ProductView>.Write write = products.beginWrite(skuId);
        boolean decided = true;
        try {
            GlobalTransactions.Outcome<T> outcome = transaction.get();
            decided = outcome.decided();
            return outcome;
        } finally {
            // thrown: nothing began (coordinator unreachable, refused by a rule): decided, nothing changed
            write.end(decided);
        }
    }
}
