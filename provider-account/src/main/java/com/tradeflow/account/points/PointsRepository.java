package com.tradeflow.account.points;

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
                .findFirst().orElse(0L);
    }

    void add(long userId, long delta) {
        jdbc.update("""
                INSERT INTO wallet_points (user_id, points) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE points = points + VALUES(points)""", userId, delta);
    }
}
