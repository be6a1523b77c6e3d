package com.tradeflow.account.transfer;

import com.tradeflow.api.account.TransferView;
import com.tradeflow.platform.transaction.AtLockGuard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a transfer, run on the JDBC template of the transaction it belongs to: the service's own (one shard)
 * or the cross-shard XA one. Every statement names the user, so ShardingSphere routes it to that user's shard.
 */
@Repository
class TransferRepository {

    private static final String OUT = "OUT";
    private static final String IN = "IN";

    private final JdbcTemplate serviceJdbc;
    private final AtLockGuard atLocks;

    TransferRepository(JdbcTemplate serviceJdbc, AtLockGuard atLocks) {
        this.serviceJdbc = serviceJdbc;
        this.atLocks = atLocks;
    }

    /** Row-locks the wallet until the transaction ends; empty when the user has none. */
    OptionalLong lockBalance(JdbcTemplate jdbc, long userId) {
        List<Long> balance =
                jdbc.queryForList("SELECT balance FROM wallets WHERE user_id = ? FOR UPDATE", Long.class, userId);
        return balance.isEmpty() ? OptionalLong.empty() : OptionalLong.of(balance.get(0));
    }

    /**
     * Adds {@code delta} (negative: takes) to a wallet locked by {@link #lockBalance}. A wallet an open AT purchase
     * has changed refuses it ({@code CONCURRENT_UPDATE}), as that purchase's rollback would find the row changed.
     */
    void change(JdbcTemplate jdbc, long userId, long delta) {
        int changed = jdbc.update("UPDATE wallets SET balance = balance + ? WHERE user_id = ?", delta, userId);
        if (changed != 1) {
            throw new IllegalStateException("wallet of user " + userId + " vanished while locked");
        }
        atLocks.requireNoAtLockOutsideGlobalTransaction(userId, "wallets", userId);
    }

    /** Both ledger rows; a second writer of the same transfer id fails here on the key. */
    void record(JdbcTemplate jdbc, String transferId, long fromUserId, long toUserId, long amount) {
        String insert = """
                INSERT INTO wallet_transfers (transfer_id, direction, user_id, counterparty_user_id, amount)
                VALUES (?, ?, ?, ?, ?)""";
        jdbc.update(insert, transferId, OUT, fromUserId, toUserId, amount);
        jdbc.update(insert, transferId, IN, toUserId, fromUserId, amount);
    }

    /** The completed transfer as its paying side recorded it, read from the paying user's shard. */
    Optional<TransferView> find(long fromUserId, String transferId) {
        return serviceJdbc.query("""
                SELECT transfer_id, user_id, counterparty_user_id, amount, created_at FROM wallet_transfers
                WHERE user_id = ? AND transfer_id = ? AND direction = ?
                """, TransferRepository::view, fromUserId, transferId, OUT).stream()
                .findFirst();
    }

    /** The completed transfer, looked for on every shard (the id does not say where the paying user lives). */
    Optional<TransferView> find(String transferId) {
        return serviceJdbc.query("""
                SELECT transfer_id, user_id, counterparty_user_id, amount, created_at FROM wallet_transfers
                WHERE transfer_id = ? AND direction = ?""", TransferRepository::view, transferId, OUT).stream()
                .findFirst();
    }

    private static TransferView view(ResultSet rs, int row) throws SQLException {
        long from = rs.getLong("user_id");
        long to = rs.getLong("counterparty_user_id");
        return new TransferView(
                rs.getString("transfer_id"),
                from,
                to,
                rs.getLong("amount"),
                TransferView.COMPLETED,
                TransferMode.of(from, to).name(),
                rs.getTimestamp("created_at").toInstant().toString());
    }
}
