package com.tradeflow.inventory.stock;

import com.tradeflow.api.inventory.StockLevel;
import com.tradeflow.api.inventory.StockLevels;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the stock's books for reconciliation on the plain pool (past Seata's proxies): each sku's stock beside
 * what its ledger adds up to, in one statement, so one consistent snapshot. The sums cost the sku's own ledger rows
 * (indexed by sku): a sku with a long history costs more each time it changes.
 */
@Repository
class StockBooks {

    private static final String LEVELS = "SELECT s.sku_id, s.available, s.reserved, s.opening_units, s.updated_at, "
            + "(SELECT " + LedgerType.availableChangeSql("l") + " FROM stock_ledger l WHERE l.sku_id = s.sku_id)"
            + " AS ledger_change, (SELECT COALESCE(SUM(l.quantity), 0) FROM stock_ledger l WHERE l.sku_id = s.sku_id"
            + " AND l.type = '" + LedgerType.RESERVE.name() + "') AS reserved_in_ledger FROM stock s WHERE";

    private record Row(StockLevel level, Timestamp updatedAt) {}

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            new StockLevel(
                    rs.getLong("sku_id"),
                    rs.getLong("available"),
                    rs.getLong("reserved"),
                    rs.getLong("opening_units"),
                    rs.getLong("ledger_change"),
                    rs.getLong("reserved_in_ledger")),
            rs.getTimestamp("updated_at"));

    private final JdbcTemplate jdbc;

    StockBooks(BranchTypeRoutingDataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource.physicalPools().get(0));
    }

    StockLevels changedAfter(String position, long settleMillis, int limit) {
        ChangedRows.Pages<Row> pages = ChangedRows.readEach(
                List.of(jdbc), position, LEVELS, "s.updated_at", settleMillis, limit, ROW, Row::updatedAt);
        return new StockLevels(pages.rows().stream().map(Row::level).toList(), pages.next(), pages.more());
    }

    List<StockLevel> of(List<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc)
                .query(
                        LEVELS + " s.sku_id IN (:ids)",
                        new MapSqlParameterSource("ids", skuIds),
                        (rs, i) -> ROW.mapRow(rs, i).level());
    }
}
