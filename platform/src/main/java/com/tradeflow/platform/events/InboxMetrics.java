package com.tradeflow.platform.events;

import com.tradeflow.platform.metrics.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer's inbox as operators watch it on {@code /actuator/prometheus}, tagged {@code consumer}:
 * {@code tradeflow.inbox.backlog} (rows received, not applied yet), {@code tradeflow.inbox.lag} (seconds since the
 * oldest of them arrived; 0 when none waits) and {@code tradeflow.inbox.dead} (rows given up on, waiting for an
 * operator). One query (on the inbox's status index), at most once a second, only when scraped.
 */
final class InboxMetrics {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private record Backlog(double received, double lagSeconds, double dead) {
        static final Backlog UNKNOWN = new Backlog(Double.NaN, Double.NaN, Double.NaN);
    }

    private InboxMetrics() {}

    static void register(String consumer, JdbcTemplate jdbc, MeterRegistry meters) {
        CachedReading<Backlog> backlog = new CachedReading<>(() -> read(consumer, jdbc), MAX_AGE, Backlog.UNKNOWN);
        gauge(
                meters,
                "tradeflow.inbox.backlog",
                consumer,
                backlog,
                Backlog::received,
                null,
                "inbox rows not applied yet");
        gauge(
                meters,
                "tradeflow.inbox.lag",
                consumer,
                backlog,
                Backlog::lagSeconds,
                "seconds",
                "age of the oldest inbox row not applied yet (0: none waits)");
        gauge(meters, "tradeflow.inbox.dead", consumer, backlog, Backlog::dead, null, "inbox rows given up on (DEAD)");
    }

    private static void gauge(
            MeterRegistry meters,
            String name,
            String consumer,
            CachedReading<Backlog> backlog,
            ToDoubleFunction<Backlog> value,
            String baseUnit,
            String description) {
        Gauge.builder(name, backlog, b -> value.applyAsDouble(b.get()))
                .tag("consumer", consumer)
                .baseUnit(baseUnit)
                .description(description)
                .strongReference(true)
                .register(meters);
    }

    private static Backlog read(String consumer, JdbcTemplate jdbc) {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT COALESCE(SUM(status = 'RECEIVED'), 0) AS received, COALESCE(SUM(status = 'DEAD'), 0) AS dead,
                       TIMESTAMPDIFF(MICROSECOND, MIN(IF(status = 'RECEIVED', received_at, NULL)), NOW(3)) AS age
                FROM event_inbox WHERE consumer = ? AND status IN ('RECEIVED', 'DEAD')""", consumer);
        Object age = row.get("age");
        return new Backlog(
                ((Number) row.get("received")).doubleValue(),
                age == null ? 0 : ((Number) age).doubleValue() / 1_000_000,
                ((Number) row.get("dead")).doubleValue());
    }
}
