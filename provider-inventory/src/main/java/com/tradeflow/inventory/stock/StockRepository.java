package com.tradeflow.inventory.stock;

import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.api.inventory.StockDeduction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** SQL over products, stock and the stock ledger. */
@Repository
class StockRepository {

    private final JdbcTemplate jdbc;

    StockRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductView> findProduct(long skuId) {
        return jdbc.query("""
                SELECT p.sku_id, p.name, p.price, s.available
                FROM products p JOIN stock s ON s.sku_id = p.sku_id
                WHERE p.sku_id = ?""",
                (rs, i) -> new ProductView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), skuId)
                .stream().findFirst();
    }

    Optional<Long> findPrice(long skuId) {
        return jdbc.queryForList("SELECT price FROM products WHERE sku_id = ?", Long.class, skuId).stream()
                .findFirst();
    }

    /** @return false when there is not enough stock (nothing changed) */
    boolean take(long skuId, int quantity) {
        return jdbc.update("UPDATE stock SET available = available - ? WHERE sku_id = ? AND available >= ?",
                quantity, skuId, quantity) == 1;
    }

    Optional<StockDeduction> findMovement(long orderId, LedgerType type) {
        return jdbc.query("""
                SELECT order_id, sku_id, quantity, unit_price, amount FROM stock_ledger
                WHERE order_id = ? AND type = ?""",
                (rs, i) -> new StockDeduction(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                        rs.getLong(5)), orderId, type.name()).stream().findFirst();
    }

    void recordMovement(StockDeduction deduction, LedgerType type) {
        jdbc.update("""
                INSERT INTO stock_ledger (order_id, type, sku_id, quantity, unit_price, amount)
                VALUES (?, ?, ?, ?, ?, ?)""", deduction.orderId(), type.name(), deduction.skuId(),
                deduction.quantity(), deduction.unitPrice(), deduction.amount());
    }
}
