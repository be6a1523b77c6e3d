package com.tradeflow.web.product;

import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.platform.cache.FencedCache;
import com.tradeflow.web.transaction.GlobalTransactionStatus;
import com.tradeflow.web.transaction.GlobalTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.seata.core.model.GlobalStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Wraps every global transaction that changes a product's stock (placing, cancelling), so the product cache
 * never keeps what such a transaction shows before it is decided: no read stores the product while it runs, and
 * its cached value goes once it is over, committed or rolled back. One whose phase two the coordinator still
 * retries (a participant away) is followed until the coordinator reports it done, its write renewed meanwhile.
 */
@Component
public class StockChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StockChanges.class);

    private final FencedCache<ProductView> products;
    private final GlobalTransactionStatus coordinator;
    private final Duration followInterval;
    private final Duration followLimit;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stock-change-follower");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param followInterval how often an undecided transaction's status is asked
     * @param followLimit    how long it is followed at most; after that its write ends with its lease
     */
    StockChanges(
            FencedCache<ProductView> products,
            GlobalTransactionStatus coordinator,
            @Value("${tradeflow.cache.products.follow-interval}") Duration followInterval,
            @Value("${tradeflow.cache.products.follow-limit}") Duration followLimit) {
        this.products = products;
        this.coordinator = coordinator;
        this.followInterval = followInterval;
        this.followLimit = followLimit;
    }

    /** Runs the transaction that changes the sku's stock. */
    public <T> GlobalTransactions.Outcome<T> around(long skuId, Supplier<GlobalTransactions.Outcome<T>> transaction) {
        FencedCache<ProductView>.Write write = products.beginWrite(skuId);
        GlobalTransactions.Outcome<T> outcome;
        try {
            outcome = transaction.get();
        } catch (RuntimeException e) {
            // thrown: nothing began (coordinator unreachable, refused by a rule): decided, nothing changed
            write.end(true);
            throw e;
        }
        if (outcome.decided() || outcome.xid() == null) {
            write.end(true);
        } else {
            write.end(false);
            follow(skuId, outcome.xid(), outcome.status(), write, Instant.now().plus(followLimit));
        }
        return outcome;
    }

    private void follow(
            long skuId, String xid, GlobalStatus seen, FencedCache<ProductView>.Write write, Instant until) {
        follower.schedule(
                () -> {
                    try {
                        if (coordinator.finalStatus(xid, seen).isPresent()) {
                            write.end(true);
                            log.info("sku {}: {} is decided now; its product may be cached again", skuId, xid);
                        } else if (Instant.now().isAfter(until)) {
                            log.warn(
                                    "sku {}: {} still not decided after {}; its product is cached again when the write's "
                                            + "lease ends",
                                    skuId,
                                    xid,
                                    followLimit);
                        } else {
                            write.renew();
                            follow(skuId, xid, seen, write, until);
                        }
                    } catch (RuntimeException e) {
                        log.warn(
                                "sku {}: following {} failed ({}); its write ends with its lease",
                                skuId,
                                xid,
                                e.toString());
                    }
                },
                followInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        follower.shutdownNow();
    }
}
