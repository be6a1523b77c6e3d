package com.tradeflow.account.transfer;

import com.tradeflow.api.account.TransferSide;
import com.tradeflow.api.account.TransferSides;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the transfers' sides for reconciliation, shard by shard on the plain pools: the two sides of a transfer
 * across shards are written by one XA transaction, so a settled transfer shows both or neither.
 */
@Repository
public class TransferBooks {

    private record Recorded(String transferId, Timestamp createdAt) {}

    private static final RowMapper<TransferSide> SIDE = (rs, i) -> new TransferSide(
            rs.getString("transfer_id"),
            rs.getString("direction"),
            rs.getLong("user_id"),
            rs.getLong("counterparty_user_id"),
            rs.getLong("amount"));

    /** By shard index. */
    private final List<JdbcTemplate> shards;

    TransferBooks(BranchTypeRoutingDataSource dataSource) {
        this.shards = dataSource.physicalPools().stream().map(JdbcTemplate::new).toList();
    }

    /** Transfers with a side recorded after the position (at most {@code limit} sides per shard), all sides each. */
    public TransferSides recordedAfter(String position, long settleMillis, int limit) {
        ChangedRows.Pages<Recorded> pages = ChangedRows.readEach(
                shards,
                position,
                "SELECT transfer_id, created_at FROM wallet_transfers WHERE",
                "created_at",
                settleMillis,
                limit,
                (rs, i) -> new Recorded(rs.getString(1), rs.getTimestamp(2)),
                Recorded::createdAt);
        List<String> transfers =
                pages.rows().stream().map(Recorded::transferId).distinct().toList();
        return new TransferSides(sides(transfers), pages.next(), pages.more());
    }

    public List<TransferSide> sides(List<String> transferIds) {
        List<TransferSide> sides = new ArrayList<>();
        if (transferIds.isEmpty()) {
            return sides;
        }
        for (JdbcTemplate shard : shards) {
            sides.addAll(new NamedParameterJdbcTemplate(shard)
                    .query("""
                    SELECT transfer_id, direction, user_id, counterparty_user_id, amount FROM wallet_transfers
                    WHERE transfer_id IN (:ids)""", new MapSqlParameterSource("ids", transferIds), SIDE));
        }
        return sides;
    }
}
