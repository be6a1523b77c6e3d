package com.tradeflow.account.wallet;

import com.tradeflow.api.account.WalletView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** SQL over wallets and the wallet ledger; every statement names the user, so it routes to one shard. */
@Repository
class WalletRepository {

    private final JdbcTemplate jdbc;

    WalletRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WalletView> find(long userId) {
        return jdbc.query("SELECT user_id, balance FROM wallets WHERE user_id = ?",
                (rs, i) -> new WalletView(rs.getLong(1), rs.getLong(2)), userId).stream().findFirst();
    }

    /** @return false when the balance is too low (nothing changed) */
    boolean take(long userId, long amount) {
        return jdbc.update("UPDATE wallets SET balance = balance - ? WHERE user_id = ? AND balance >= ?",
                amount, userId, amount) == 1;
    }

    boolean hasMovement(long userId, long orderId, LedgerType type) {
        return !jdbc.queryForList("SELECT 1 FROM wallet_ledger WHERE user_id = ? AND order_id = ? AND type = ?",
                Integer.class, userId, orderId, type.name()).isEmpty();
    }

    void recordMovement(long userId, long orderId, LedgerType type, long amount) {
        jdbc.update("INSERT INTO wallet_ledger (order_id, type, user_id, amount) VALUES (?, ?, ?, ?)", orderId,
                type.name(), userId, amount);
    }
}
