package com.tradeflow.inventory.sales;

import com.tradeflow.platform.events.Counters;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL over the per-product sold counters. */
@Repository
class SalesRepository {

    private final JdbcTemplate jdbc;

    SalesRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DataIntegrityViolationException for a product the catalogue lacks */
    void add(long skuId, long delta) {
        addAll(Map.of(skuId, delta));
    }

    /**
     * Several products' changes in one statement.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException for a product the catalogue lacks
     */
    void addAll(Map<Long, Long> deltaBySku) {
        Counters.add(jdbc, "product_sales", "sku_id", "sold", deltaBySku);
    }
}
