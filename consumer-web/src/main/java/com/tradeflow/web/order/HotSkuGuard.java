package com.tradeflow.web.order;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.tradeflow.platform.sentinel.SentinelRefusals;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Order placement as a Sentinel resource whose parameter is the sku: a hot-parameter rule on it
 * ({@code {"resource":"order-placement-by-sku","paramIdx":0,...}}) limits each sku on its own, so a hot item is
 * refused with 429 {@code RATE_LIMITED} while the others keep passing.
 */
@Component
class HotSkuGuard {

    static final String RESOURCE = "order-placement-by-sku";

    <T> T guard(long skuId, Supplier<T> placement) {
        Entry entry;
        try {
            // OUT: the web resource around it is the request's inbound entry already (system rules count those)
            entry = SphU.entry(RESOURCE, EntryType.OUT, 1, skuId);
        } catch (BlockException e) {
            throw SentinelRefusals.refusal(e, "placing orders for sku " + skuId);
        }
        try {
            return placement.get();
        } finally {
            entry.exit(1, skuId);
        }
    }
}
