package com.tradeflow.inventory.report;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.OrderEventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily sales report: units and revenue per product and day (UTC) of the event. A cancellation is booked on
 * its own day, as a negative entry, the way a ledger books a return.
 */
@Component
class DailySales implements OrderEventHandler {

    private final JdbcTemplate jdbc;

    DailySales(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(OrderEvent event) {
        long sign = event.placed() ? 1 : -1;
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO sales_daily (sales_day, sku_id, quantity, revenue) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity), revenue = revenue + VALUES(revenue)""",
                day, event.skuId(), sign * event.quantity(), sign * event.amount());
    }
}
