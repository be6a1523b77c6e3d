package com.tradeflow.account.points;

import com.tradeflow.platform.events.Counters;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL over the loyalty points; every statement names the user, so it routes to the user's shard. */
@Repository
public class PointsRepository {

    private final JdbcTemplate jdbc;

    PointsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Points of the user; 0 before the first event. */
    public long points(long userId) {
        return jdbc.queryForList("SELECT points FROM wallet_points WHERE user_id = ?", Long.class, userId).stream()
                .findFirst()
                .orElse(0L);
    }

    void add(long userId, long delta) {
        addAll(Map.of(userId, delta));
    }

    /** Several users' changes (users of one database) in one statement. */
    void addAll(Map<Long, Long> deltaByUser) {
        Counters.add(jdbc, "wallet_points", "user_id", "points", deltaByUser);
    }
}
