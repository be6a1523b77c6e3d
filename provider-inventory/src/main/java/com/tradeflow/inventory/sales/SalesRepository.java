package com.tradeflow.inventory.sales;

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
        jdbc.update("""
                INSERT INTO product_sales (sku_id, sold) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE sold = sold + VALUES(sold)""", skuId, delta);
    }
}
