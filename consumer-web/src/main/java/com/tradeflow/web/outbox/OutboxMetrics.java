package com.tradeflow.web.outbox;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.metrics.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it on {@code /actuator/prometheus}: {@code tradeflow.outbox.unsent} (rows by status
 * PENDING, TRANSACTIONAL, DEAD, over every order database) and {@code tradeflow.outbox.lag} (seconds since the
 * oldest PENDING row was written: how far the relay is behind; 0 when it has caught up). One query per database,
 * at most once a second however many gauges a scrape reads, and only when scraped. The gauges hold their reading
 * strongly (Micrometer's default is a weak reference, and nothing else keeps it).
 */
@Component
class OutboxMetrics {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final List<OutboxStatus> UNSENT =
            List.of(OutboxStatus.PENDING, OutboxStatus.TRANSACTIONAL, OutboxStatus.DEAD);

    /** What one reading found. */
    record Backlog(Map<OutboxStatus, Long> unsent, double lagSeconds) {
        static final Backlog UNKNOWN = new Backlog(Map.of(), Double.NaN);
    }

    private final List<JdbcTemplate> databases;

    OutboxMetrics(BranchTypeRoutingDataSource dataSource, MeterRegistry registry) {
        this.databases =
                dataSource.physicalPools().stream().map(JdbcTemplate::new).toList();
        CachedReading<Backlog> backlog = new CachedReading<>(this::read, MAX_AGE, Backlog.UNKNOWN);
        for (OutboxStatus status : UNSENT) {
            Gauge.builder(
                            "tradeflow.outbox.unsent",
                            backlog,
                            b -> b.get().unsent().containsKey(status)
                                    ? b.get().unsent().get(status)
                                    : Double.NaN)
                    .tag("status", status.name())
                    .description("outbox rows not sent, by status")
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("tradeflow.outbox.lag", backlog, b -> b.get().lagSeconds())
                .baseUnit("seconds")
                .description("age of the oldest PENDING outbox row (0: the relay has caught up)")
                .strongReference(true)
                .register(registry);
    }

    private Backlog read() {
        Map<OutboxStatus, Long> unsent = new EnumMap<>(OutboxStatus.class);
        UNSENT.forEach(status -> unsent.put(status, 0L));
        double lag = 0;
        for (JdbcTemplate db : databases) {
            for (Map<String, Object> row : db.queryForList("""
                    SELECT status, COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(created_at), NOW(3)) AS age
                    FROM outbox_events WHERE status IN ('PENDING', 'TRANSACTIONAL', 'DEAD') GROUP BY status""")) {
                OutboxStatus status = OutboxStatus.valueOf((String) row.get("status"));
                unsent.merge(status, ((Number) row.get("n")).longValue(), Long::sum);
                if (status == OutboxStatus.PENDING && row.get("age") != null) {
                    lag = Math.max(lag, ((Number) row.get("age")).doubleValue() / 1_000_000);
                }
            }
        }
        return new Backlog(unsent, lag);
    }
}
