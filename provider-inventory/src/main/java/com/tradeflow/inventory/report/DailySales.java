package com.tradeflow.inventory.report;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.Counters;
import com.tradeflow.platform.events.OrderEventHandler;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily sales report: units and revenue per product and day (UTC) of the event. A cancellation is booked on
 * its own day, as a negative entry, the way a ledger books a return.
 */
@Component
class DailySales implements OrderEventHandler {

    private static final List<String> KEY = List.of("sales_day", "sku_id");
    private static final List<String> COUNTS = List.of("quantity", "revenue");

    private final JdbcTemplate jdbc;

    DailySales(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(OrderEvent event) {
        applyAll(List.of(event));
    }

    /** A batch: its entries summed per day and product, written as one statement. */
    @Override
    public void applyAll(List<OrderEvent> events) {
        Counters.add(jdbc, "sales_daily", KEY, COUNTS, changes(events));
    }

    /** The entries per day and product, in that order (the rows' lock order). */
    static List<Counters.Change> changes(List<OrderEvent> events) {
        Map<Entry, long[]> sums = new TreeMap<>(Comparator.comparing(Entry::day).thenComparing(Entry::skuId));
        for (OrderEvent event : events) {
            long sign = event.placed() ? 1 : -1;
            long[] sum = sums.computeIfAbsent(
                    new Entry(LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC), event.skuId()),
                    entry -> new long[2]);
            sum[0] += sign * event.quantity();
            sum[1] += sign * event.amount();
        }
        List<Counters.Change> changes = new ArrayList<>();
        sums.forEach((entry, sum) ->
                changes.add(new Counters.Change(List.of(entry.day(), entry.skuId()), List.of(sum[0], sum[1]))));
        return changes;
    }

    private record Entry(LocalDate day, long skuId) {}
}
