package com.tradeflow.account.points;

import com.tradeflow.account.config.AccountShards;
import com.tradeflow.api.account.AppliedOrderEvent;
import com.tradeflow.api.account.PointsBalance;
import com.tradeflow.api.account.PointsBalances;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the loyalty points' books for reconciliation, shard by shard on the plain pools: each user's points beside
 * the order events the points subscriber applied to them (its dedupe records), both read in one transaction per
 * shard, so from one consistent snapshot (an event's record and its points commit together).
 */
@Repository
public class PointsBooks {

    private static final String POINTS = "SELECT p.user_id, p.points, p.updated_at FROM wallet_points p WHERE";

    private record Row(long userId, long points, Timestamp updatedAt) {}

    private static final RowMapper<Row> ROW =
            (rs, i) -> new Row(rs.getLong("user_id"), rs.getLong("points"), rs.getTimestamp("updated_at"));

    /** By shard index. */
    private final List<JdbcTemplate> shards;

    private final List<TransactionTemplate> snapshots;

    PointsBooks(BranchTypeRoutingDataSource dataSource) {
        this.shards = dataSource.physicalPools().stream().map(JdbcTemplate::new).toList();
        this.snapshots = dataSource.physicalPools().stream()
                .map(pool -> {
                    TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(pool));
                    snapshot.setReadOnly(true);
                    snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
                    return snapshot;
                })
                .toList();
    }

    /** At most {@code limit} users per shard. */
    public PointsBalances changedAfter(String position, long settleMillis, int limit) {
        List<Timestamp> from = ChangedRows.positions(position, shards.size());
        List<PointsBalance> users = new ArrayList<>();
        List<Timestamp> next = new ArrayList<>();
        boolean more = false;
        for (int shard = 0; shard < shards.size(); shard++) {
            int s = shard;
            ChangedRows.Page<PointsBalance> page = snapshots.get(shard).execute(status -> {
                ChangedRows.Page<Row> rows = ChangedRows.read(
                        shards.get(s), POINTS, "p.updated_at", from.get(s), settleMillis, limit, ROW, Row::updatedAt);
                return new ChangedRows.Page<>(
                        withApplied(shards.get(s), rows.rows()), rows.completeUpTo(), rows.more());
            });
            users.addAll(page.rows());
            next.add(page.completeUpTo());
            more |= page.more();
        }
        return new PointsBalances(users, ChangedRows.position(next), more);
    }

    public List<PointsBalance> of(List<Long> userIds) {
        List<PointsBalance> users = new ArrayList<>();
        Map<Integer, List<Long>> byShard = userIds.stream().collect(Collectors.groupingBy(AccountShards::of));
        byShard.forEach((shard, ids) -> users.addAll(snapshots
                .get(shard)
                .execute(status -> withApplied(
                        shards.get(shard),
                        new NamedParameterJdbcTemplate(shards.get(shard))
                                .query(POINTS + " p.user_id IN (:ids)", new MapSqlParameterSource("ids", ids), ROW)))));
        return users;
    }

    /** The rows with the events applied to their users, in one statement. */
    private static List<PointsBalance> withApplied(JdbcTemplate shard, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AppliedOrderEvent>> applied = new HashMap<>();
        new NamedParameterJdbcTemplate(shard)
                .query(
                        """
                SELECT user_id, order_id, event_type FROM processed_events
                WHERE consumer = :consumer AND user_id IN (:users)""",
                        new MapSqlParameterSource("consumer", EventTopics.POINTS_GROUP)
                                .addValue(
                                        "users", rows.stream().map(Row::userId).toList()),
                        rs -> {
                            applied.computeIfAbsent(rs.getLong("user_id"), u -> new ArrayList<>())
                                    .add(new AppliedOrderEvent(rs.getLong("order_id"), rs.getString("event_type")));
                        });
        return rows.stream()
                .map(row ->
                        new PointsBalance(row.userId(), row.points(), applied.getOrDefault(row.userId(), List.of())))
                .toList();
    }
}
