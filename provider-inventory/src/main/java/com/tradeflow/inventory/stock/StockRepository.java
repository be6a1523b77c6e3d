package com.tradeflow.inventory.stock;

import com.tradeflow.api.inventory.ProductView;
import com.tradeflow.api.inventory.StockDeduction;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.platform.transaction.AtLockGuard;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL over products, stock and the stock ledger. Every change of a stock row's {@code available} units is checked
 * against AT global locks (TCC and XA writes; see {@link AtLockGuard}): stock rows are shared by purchases of every
 * mode.
 */
@Repository
class StockRepository {

    private final JdbcTemplate jdbc;
    private final AtLockGuard locks;

    StockRepository(JdbcTemplate jdbc, AtLockGuard locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    Optional<ProductView> findProduct(long skuId) {
        return jdbc
                .query(
                        """
                SELECT p.sku_id, p.name, p.price, s.available, s.reserved, COALESCE(ps.sold, 0)
                FROM products p JOIN stock s ON s.sku_id = p.sku_id
                LEFT JOIN product_sales ps ON ps.sku_id = p.sku_id
                WHERE p.sku_id = ?""",
                        (rs, i) -> new ProductView(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6)),
                        skuId)
                .stream()
                .findFirst();
    }

    /**
     * What taking stock for an order needs to know first, in one statement: the product's price (empty: no such
     * product) and the order's earlier movement of one of those kinds, if any (a repeated call).
     */
    record BeforeTaking(Optional<Long> price, Optional<StockDeduction> earlier) {}

    BeforeTaking beforeTaking(long orderId, long skuId, LedgerType kind) {
        return beforeTaking(orderId, skuId, kind, kind);
    }

    BeforeTaking beforeTaking(long orderId, long skuId, LedgerType kind, LedgerType otherKind) {
        return jdbc
                .query(
                        """
                SELECT p.price, l.order_id, l.sku_id, l.quantity, l.unit_price, l.amount
                FROM products p LEFT JOIN stock_ledger l ON l.order_id = ? AND l.type IN (?, ?)
                WHERE p.sku_id = ?""",
                        (rs, i) -> new BeforeTaking(
                                Optional.of(rs.getLong(1)),
                                rs.getObject(2) == null
                                        ? Optional.empty()
                                        : Optional.of(new StockDeduction(
                                                rs.getLong(2),
                                                rs.getLong(3),
                                                rs.getInt(4),
                                                rs.getLong(5),
                                                rs.getLong(6)))),
                        orderId,
                        kind.name(),
                        otherKind.name(),
                        skuId)
                .stream()
                .findFirst()
                .orElse(new BeforeTaking(Optional.empty(), Optional.empty()));
    }

    /** @return false when there is not enough stock (nothing changed) */
    boolean take(long skuId, int quantity) {
        return changed(
                skuId,
                jdbc.update(
                                "UPDATE stock SET available = available - ? WHERE sku_id = ? AND available >= ?",
                                quantity,
                                skuId,
                                quantity)
                        == 1);
    }

    /** @return false when there is not enough stock (nothing changed) */
    boolean reserve(long skuId, int quantity) {
        return changed(skuId, jdbc.update("""
                UPDATE stock SET available = available - ?, reserved = reserved + ?
                WHERE sku_id = ? AND available >= ?""", quantity, quantity, skuId, quantity) == 1);
    }

    /**
     * A TCC purchase's reservation becomes a sale, in one statement: its RESERVE row becomes DEDUCT and its units
     * leave {@code reserved} (the row's own quantity), a column no AT statement writes, so no AT lock check
     * ({@link AtLockGuard}). Taking more than {@code reserved} holds fails on the table's check ({@code chk_stock_reserved}):
     * the statement changes nothing and the coordinator delivers the confirm again later.
     *
     * @return false when the order has no reservation (confirmed before: nothing changed)
     */
    boolean settleReservation(long orderId) {
        return jdbc.update("""
                UPDATE stock_ledger l JOIN stock s ON s.sku_id = l.sku_id
                SET l.type = ?, s.reserved = s.reserved - l.quantity
                WHERE l.order_id = ? AND l.type = ?""", LedgerType.DEDUCT.name(), orderId, LedgerType.RESERVE.name()) > 0;
    }

    /** A reservation is dropped: the units go back to {@code available}. */
    boolean releaseReservation(long skuId, int quantity) {
        return changed(skuId, jdbc.update("""
                UPDATE stock SET available = available + ?, reserved = reserved - ?
                WHERE sku_id = ? AND reserved >= ?""", quantity, quantity, skuId, quantity) == 1);
    }

    boolean giveBack(long skuId, int quantity) {
        return changed(
                skuId,
                jdbc.update("UPDATE stock SET available = available + ? WHERE sku_id = ?", quantity, skuId) == 1);
    }

    /** After a successful change of the sku's stock row, in its local transaction: no AT transaction holds it. */
    private boolean changed(long skuId, boolean changed) {
        if (changed) {
            locks.requireNoAtLock(skuId, "stock", skuId);
        }
        return changed;
    }

    Optional<StockDeduction> findMovement(long orderId, LedgerType type) {
        return jdbc
                .query(
                        """
                SELECT order_id, sku_id, quantity, unit_price, amount FROM stock_ledger
                WHERE order_id = ? AND type = ?""",
                        (rs, i) -> new StockDeduction(
                                rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)),
                        orderId,
                        type.name())
                .stream()
                .findFirst();
    }

    void recordMovement(StockDeduction deduction, LedgerType type) {
        jdbc.update(
                """
                INSERT INTO stock_ledger (order_id, type, sku_id, quantity, unit_price, amount)
                VALUES (?, ?, ?, ?, ?, ?)""",
                deduction.orderId(),
                type.name(),
                deduction.skuId(),
                deduction.quantity(),
                deduction.unitPrice(),
                deduction.amount());
    }

    /**
     * Records the movement unless the order has one of that kind already (its key is order and kind).
     *
     * @return false when it had one: nothing was written
     */
    boolean recordNewMovement(StockDeduction deduction, LedgerType type) {
        try {
            recordMovement(deduction, type);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Voids the order's movement of that kind: zero units, zero amount (a void row moves nothing in the books).
     *
     * @return false when the order has no such movement, or it is void already
     */
    boolean voidMovement(long orderId, LedgerType type) {
        return jdbc.update(
                        "UPDATE stock_ledger SET quantity = 0, amount = 0 WHERE order_id = ? AND type = ? AND quantity > 0",
                        orderId,
                        type.name())
                == 1;
    }

    /**
     * A void movement of that kind for an order that has none yet: its key keeps a later movement of the kind out.
     *
     * @return false when the order had a row of that kind already (nothing written)
     */
    boolean recordVoid(long orderId, LedgerType type, long skuId) {
        return jdbc.update("""
                INSERT IGNORE INTO stock_ledger (order_id, type, sku_id, quantity, unit_price, amount)
                VALUES (?, ?, ?, 0, 0, 0)""", orderId, type.name(), skuId) == 1;
    }

    /** @return false when the order has no movement of kind {@code from} */
    boolean changeMovementType(long orderId, LedgerType from, LedgerType to) {
        return jdbc.update(
                        "UPDATE stock_ledger SET type = ? WHERE order_id = ? AND type = ?",
                        to.name(),
                        orderId,
                        from.name())
                == 1;
    }

    /** @return false when the order has no movement of that kind */
    boolean deleteMovement(long orderId, LedgerType type) {
        return jdbc.update("DELETE FROM stock_ledger WHERE order_id = ? AND type = ?", orderId, type.name()) == 1;
    }

    /** Every ledger row of these orders that moved units (void rows aside). */
    List<StockMovement> movementsOf(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc)
                .query(
                        """
                SELECT order_id, type, sku_id, quantity, amount FROM stock_ledger
                WHERE order_id IN (:ids) AND quantity > 0""",
                        new MapSqlParameterSource("ids", orderIds),
                        (rs, i) -> new StockMovement(
                                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5)));
    }
}
