package com.tradeflow.inventory.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.Counters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailySalesTests {

    private static final Instant DAY_ONE = Instant.parse("2026-12-05T23:59:00Z");
    private static final Instant DAY_TWO = Instant.parse("2026-12-06T00:01:00Z");

    private static OrderEvent event(String type, long orderId, long skuId, int quantity, long amount, Instant at) {
        return new OrderEvent("e" + orderId + type, type, orderId, 7, skuId, quantity, amount, at);
    }

    @Test
    void shouldSumABatchPerDayAndProductInKeyOrderWithCancellationsOnTheirOwnDay() {
        List<Counters.Change> changes = DailySales.changes(List.of(
                event(OrderEvent.PLACED, 1, 9, 2, 500, DAY_ONE),
                event(OrderEvent.PLACED, 2, 3, 1, 100, DAY_TWO),
                event(OrderEvent.PLACED, 3, 9, 1, 250, DAY_ONE),
                event(OrderEvent.CANCELLED, 1, 9, 2, 500, DAY_TWO),
                event(OrderEvent.PLACED, 4, 3, 4, 400, DAY_ONE)));

        assertThat(changes)
                .containsExactly(
                        new Counters.Change(List.of(LocalDate.parse("2026-12-05"), 3L), List.of(4L, 400L)),
                        new Counters.Change(List.of(LocalDate.parse("2026-12-05"), 9L), List.of(3L, 750L)),
                        new Counters.Change(List.of(LocalDate.parse("2026-12-06"), 3L), List.of(1L, 100L)),
                        new Counters.Change(List.of(LocalDate.parse("2026-12-06"), 9L), List.of(-2L, -500L)));
    }
}
