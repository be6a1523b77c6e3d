package com.tradeflow.account.wallet;

import com.tradeflow.account.points.PointsRepository;
import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.account.WalletView;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.transaction.AtLockGuard;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL over wallets and the wallet ledger; every statement names the user, so it routes to one shard (but the
 * reconciliation's read by order ids, which asks every shard). Every change
 * of a wallet's balance is checked against AT global locks (TCC and XA writes; see {@link AtLockGuard}): wallets are
 * shared by purchases of every mode.
 */
@Repository
class WalletRepository {

    private final JdbcTemplate jdbc;
    private final AtLockGuard locks;
    private final PointsRepository points;

    WalletRepository(JdbcTemplate jdbc, AtLockGuard locks, PointsRepository points) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.points = points;
    }

    /** The wallet with its loyalty points (kept apart, see {@link PointsRepository}). */
    Optional<WalletView> find(long userId) {
        return jdbc
                .query(
                        "SELECT user_id, balance, frozen FROM wallets WHERE user_id = ?",
                        (rs, i) -> new WalletView(rs.getLong(1), rs.getLong(2), rs.getLong(3), points.points(userId)),
                        userId)
                .stream()
                .findFirst();
    }

    /**
     * Why a balance change that needs {@code amount} cents changed nothing: the wallet is unknown, or its balance is
     * too low. Asked only after the change failed, so a purchase that succeeds never reads the wallet.
     */
    BusinessException refusal(long userId, long amount) {
        Integer wallets = jdbc.queryForObject("SELECT COUNT(*) FROM wallets WHERE user_id = ?", Integer.class, userId);
        return wallets == null || wallets == 0
                ? new BusinessException(ErrorCode.NOT_FOUND, "no wallet for user " + userId)
                : new BusinessException(
                        ErrorCode.INSUFFICIENT_BALANCE, "balance of user " + userId + " is below " + amount + " cents");
    }

    /** @return false when the balance is too low or the wallet unknown (nothing changed) */
    boolean take(long userId, long amount) {
        return changed(
                userId,
                jdbc.update(
                                "UPDATE wallets SET balance = balance - ? WHERE user_id = ? AND balance >= ?",
                                amount,
                                userId,
                                amount)
                        == 1);
    }

    /** @return false when the balance is too low or the wallet unknown (nothing changed) */
    boolean freeze(long userId, long amount) {
        return changed(userId, jdbc.update("""
                UPDATE wallets SET balance = balance - ?, frozen = frozen + ?
                WHERE user_id = ? AND balance >= ?""", amount, amount, userId, amount) == 1);
    }

    /**
     * A TCC purchase's frozen money is spent, in one statement: its FREEZE row becomes DEBIT and its amount leaves
     * {@code frozen} (the row's own amount), a column no AT statement writes, so no AT lock check
     * ({@link AtLockGuard}). Taking more than {@code frozen} holds fails on the table's check ({@code chk_wallets_frozen}):
     * the statement changes nothing and the coordinator delivers the confirm again later.
     *
     * @return false when the order has no frozen money (spent before: nothing changed)
     */
    boolean spendFrozen(long userId, long orderId) {
        return jdbc.update("""
                UPDATE wallet_ledger l JOIN wallets w ON w.user_id = l.user_id
                SET l.type = ?, w.frozen = w.frozen - l.amount
                WHERE l.user_id = ? AND l.order_id = ? AND l.type = ?""", LedgerType.DEBIT.name(), userId, orderId, LedgerType.FREEZE.name()) > 0;
    }

    /** Frozen money is released: it goes back to the balance. */
    boolean unfreeze(long userId, long amount) {
        return changed(userId, jdbc.update("""
                UPDATE wallets SET balance = balance + ?, frozen = frozen - ?
                WHERE user_id = ? AND frozen >= ?""", amount, amount, userId, amount) == 1);
    }

    boolean credit(long userId, long amount) {
        return changed(
                userId, jdbc.update("UPDATE wallets SET balance = balance + ? WHERE user_id = ?", amount, userId) == 1);
    }

    /**
     * A top-up's credit, in a plain local transaction (an event consumer's): checked against AT global locks all
     * the same, since an open AT purchase's rollback would find the row changed under it.
     */
    boolean creditOutsideGlobalTransaction(long userId, long amount) {
        boolean changed =
                jdbc.update("UPDATE wallets SET balance = balance + ? WHERE user_id = ?", amount, userId) == 1;
        if (changed) {
            locks.requireNoAtLockOutsideGlobalTransaction(userId, "wallets", userId);
        }
        return changed;
    }

    /** After a successful change of the user's wallet row, in its local transaction: no AT transaction holds it. */
    private boolean changed(long userId, boolean changed) {
        if (changed) {
            locks.requireNoAtLock(userId, "wallets", userId);
        }
        return changed;
    }

    /** The amount of the order's movement of that kind, if there is one. */
    Optional<Long> findMovement(long userId, long orderId, LedgerType type) {
        return jdbc
                .queryForList(
                        "SELECT amount FROM wallet_ledger WHERE user_id = ? AND order_id = ? AND type = ?",
                        Long.class,
                        userId,
                        orderId,
                        type.name())
                .stream()
                .findFirst();
    }

    /** The amount of the order's movement of either kind, if there is one (one statement instead of two). */
    Optional<Long> findMovement(long userId, long orderId, LedgerType one, LedgerType other) {
        return jdbc
                .queryForList(
                        "SELECT amount FROM wallet_ledger WHERE user_id = ? AND order_id = ?" + " AND type IN (?, ?)",
                        Long.class,
                        userId,
                        orderId,
                        one.name(),
                        other.name())
                .stream()
                .findFirst();
    }

    void recordMovement(long userId, long orderId, LedgerType type, long amount) {
        jdbc.update(
                "INSERT INTO wallet_ledger (order_id, type, user_id, amount) VALUES (?, ?, ?, ?)",
                orderId,
                type.name(),
                userId,
                amount);
    }

    /**
     * Records the order's movement unless it has one of that kind already (its key is kind and order).
     *
     * @return false when it had one: nothing was written
     */
    boolean recordNewMovement(long userId, long orderId, LedgerType type, long amount) {
        try {
            recordMovement(userId, orderId, type, amount);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Voids the order's movement of that kind: zero cents (a void row moves nothing in the books).
     *
     * @return false when the order has no such movement, or it is void already
     */
    boolean voidMovement(long userId, long orderId, LedgerType type) {
        return jdbc.update(
                        "UPDATE wallet_ledger SET amount = 0 WHERE user_id = ? AND order_id = ? AND type = ? AND amount > 0",
                        userId,
                        orderId,
                        type.name())
                == 1;
    }

    /**
     * A void movement of that kind for an order that has none yet: its key keeps a later movement of the kind out.
     *
     * @return false when the order had a row of that kind already (nothing written)
     */
    boolean recordVoid(long userId, long orderId, LedgerType type) {
        return jdbc.update(
                        "INSERT IGNORE INTO wallet_ledger (order_id, type, user_id, amount) VALUES (?, ?, ?, 0)",
                        orderId,
                        type.name(),
                        userId)
                == 1;
    }

    /** @return false when the order has no movement of kind {@code from} */
    boolean changeMovementType(long userId, long orderId, LedgerType from, LedgerType to) {
        return jdbc.update(
                        "UPDATE wallet_ledger SET type = ? WHERE user_id = ? AND order_id = ? AND type = ?",
                        to.name(),
                        userId,
                        orderId,
                        from.name())
                == 1;
    }

    /** @return false when the order has no movement of that kind */
    boolean deleteMovement(long userId, long orderId, LedgerType type) {
        return jdbc.update(
                        "DELETE FROM wallet_ledger WHERE user_id = ? AND order_id = ? AND type = ?",
                        userId,
                        orderId,
                        type.name())
                == 1;
    }

    /** Every ledger row of these orders that moved money (top-ups and void rows aside), from every shard. */
    List<WalletMovement> movementsOf(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc)
                .query(
                        """
                SELECT order_id, type, user_id, amount FROM wallet_ledger
                WHERE order_id IN (:ids) AND type <> 'TOP_UP' AND amount > 0""",
                        new MapSqlParameterSource("ids", orderIds),
                        (rs, i) -> new WalletMovement(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }
}
