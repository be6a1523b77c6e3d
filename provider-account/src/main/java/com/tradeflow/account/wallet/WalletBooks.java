package com.tradeflow.account.wallet;

import com.tradeflow.account.config.AccountShards;
import com.tradeflow.api.account.TopUpCredit;
import com.tradeflow.api.account.TopUpCredits;
import com.tradeflow.api.account.WalletBalance;
import com.tradeflow.api.account.WalletBalances;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the wallets' books for reconciliation, shard by shard on the plain pools (past ShardingSphere and Seata):
 * each wallet beside what its ledger and transfers add up to, in one statement, so a single consistent snapshot.
 * The sums cost the wallet's own rows (indexed by user), not the table's.
 */
@Repository
class WalletBooks {

    private static final String BALANCES = "SELECT w.user_id, w.balance, w.frozen, w.opening_balance, w.updated_at, "
            + "(SELECT " + LedgerType.balanceChangeSql("l") + " FROM wallet_ledger l WHERE l.user_id = w.user_id)"
            + " + (SELECT COALESCE(SUM(IF(t.direction = 'IN', t.amount, -t.amount)), 0) FROM wallet_transfers t"
            + " WHERE t.user_id = w.user_id) AS ledger_change, "
            + "(SELECT COALESCE(SUM(l.amount), 0) FROM wallet_ledger l WHERE l.user_id = w.user_id AND l.type = '"
            + LedgerType.FREEZE.name() + "') AS frozen_in_ledger FROM wallets w WHERE";

    private record Row(WalletBalance balance, Timestamp updatedAt) {}

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            new WalletBalance(
                    rs.getLong("user_id"),
                    rs.getLong("balance"),
                    rs.getLong("frozen"),
                    rs.getLong("opening_balance"),
                    rs.getLong("ledger_change"),
                    rs.getLong("frozen_in_ledger")),
            rs.getTimestamp("updated_at"));

    /** By shard index. */
    private final List<JdbcTemplate> shards;

    WalletBooks(BranchTypeRoutingDataSource dataSource) {
        this.shards = dataSource.physicalPools().stream().map(JdbcTemplate::new).toList();
    }

    /** At most {@code limit} wallets per shard. */
    WalletBalances changedAfter(String position, long settleMillis, int limit) {
        ChangedRows.Pages<Row> pages = ChangedRows.readEach(
                shards, position, BALANCES, "w.updated_at", settleMillis, limit, ROW, Row::updatedAt);
        return new WalletBalances(pages.rows().stream().map(Row::balance).toList(), pages.next(), pages.more());
    }

    List<WalletBalance> of(List<Long> userIds) {
        List<WalletBalance> wallets = new ArrayList<>();
        Map<Integer, List<Long>> byShard = userIds.stream().collect(Collectors.groupingBy(AccountShards::of));
        byShard.forEach((shard, ids) -> wallets.addAll(new NamedParameterJdbcTemplate(shards.get(shard))
                .query(
                        BALANCES + " w.user_id IN (:ids)",
                        new MapSqlParameterSource("ids", ids),
                        (rs, i) -> ROW.mapRow(rs, i).balance())));
        return wallets;
    }

    private static final String CREDITS = """
            SELECT c.top_up_id, c.user_id, c.amount, c.merchant_order_no, c.credited_at, l.amount AS ledger_amount
            FROM wallet_top_ups c
            LEFT JOIN wallet_ledger l ON l.order_id = c.top_up_id AND l.type = '""" + LedgerType.TOP_UP.name() + "'" + " WHERE";

    private record CreditRow(TopUpCredit credit, Timestamp creditedAt) {}

    private static final RowMapper<CreditRow> CREDIT = (rs, i) -> new CreditRow(
            new TopUpCredit(
                    rs.getLong("top_up_id"),
                    rs.getLong("user_id"),
                    rs.getLong("amount"),
                    rs.getString("merchant_order_no"),
                    rs.getObject("ledger_amount", Long.class)),
            rs.getTimestamp("credited_at"));

    /** What was credited for these top-ups, from every shard (a top-up's credit is in its user's). */
    List<TopUpCredit> topUpCredits(List<Long> topUpIds) {
        List<TopUpCredit> credits = new ArrayList<>();
        if (topUpIds.isEmpty()) {
            return credits;
        }
        for (JdbcTemplate shard : shards) {
            credits.addAll(new NamedParameterJdbcTemplate(shard)
                    .query(
                            CREDITS + " c.top_up_id IN (:ids)",
                            new MapSqlParameterSource("ids", topUpIds),
                            (rs, i) -> CREDIT.mapRow(rs, i).credit()));
        }
        return credits;
    }

    /** Credits made after the position, at most {@code limit} per shard. */
    TopUpCredits topUpCreditsAfter(String position, long settleMillis, int limit) {
        ChangedRows.Pages<CreditRow> pages = ChangedRows.readEach(
                shards, position, CREDITS, "c.credited_at", settleMillis, limit, CREDIT, CreditRow::creditedAt);
        return new TopUpCredits(pages.rows().stream().map(CreditRow::credit).toList(), pages.next(), pages.more());
    }
}
