package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sales, read once from the database and then kept in memory (a sale never changes once opened: the crowd's
 * requests must not read its row every time), and their Redis counters, rebuilt from the database when Redis has
 * none.
 */
class FlashSaleCatalog {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleCatalog.class);

    private final FlashSaleRepository sales;
    private final FlashSaleGate gate;
    private final Map<Long, FlashSale> known = new ConcurrentHashMap<>();

    FlashSaleCatalog(FlashSaleRepository sales, FlashSaleGate gate) {
        this.sales = sales;
        this.gate = gate;
    }

    /** @throws BusinessException NOT_FOUND */
    FlashSale get(long saleId) {
        FlashSale sale = known.get(saleId);
        if (sale != null) {
            return sale;
        }
        sale = sales.find(saleId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no flash sale " + saleId));
        known.put(saleId, sale);
        return sale;
    }

    /** The sale's counters go to Redis now; if Redis is away, the first request builds them (see rebuild). */
    void opened(FlashSale sale) {
        known.put(sale.saleId(), sale);
        try {
            gate.load(sale, sale.quantity(), Map.of());
        } catch (BusinessException e) {
            log.warn(
                    "flash sale {}: counters not loaded into Redis yet ({}); the first request loads them",
                    sale.saleId(),
                    e.getMessage());
        }
    }

    /**
     * An operator's repair: Redis's counters are replaced by the database's (after a lost give-back, say). Requests
     * granted meanwhile by the old counters and not stored yet may make Redis grant one too many; the database
     * refuses it.
     */
    synchronized void reload(FlashSale sale) {
        gate.clear(sale);
        rebuild(sale);
    }

    /**
     * Redis lacks the sale's counters (it restarted, or lost them): units left and tickets per user as the
     * database counts them. Requests granted by Redis before it lost them and not yet stored are not counted, so
     * Redis may let a few too many through: the database refuses those (SOLD_OUT, LIMIT_REACHED).
     */
    synchronized void rebuild(FlashSale sale) {
        if (gate.left(sale) != null) {
            return;
        }
        int left = sale.quantity() - sales.taken(sale.saleId());
        if (gate.load(sale, left, sales.buyers(sale.saleId()))) {
            log.warn(
                    "flash sale {}: Redis had no counters; rebuilt from the database ({} of {} units left)",
                    sale.saleId(),
                    left,
                    sale.quantity());
        }
    }
}
