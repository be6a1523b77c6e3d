package com.tradeflow.web.order;

import static com.tradeflow.web.order.OrderStatus.CANCELLED;
import static com.tradeflow.web.order.OrderStatus.CANCELLING;
import static com.tradeflow.web.order.OrderStatus.PENDING;
import static com.tradeflow.web.order.OrderStatus.PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTests {

    /** Every change an order makes: TCC confirm, AT/XA cancel, TCC cancel try, its confirm, its rollback. */
    private static final Set<String> ALLOWED = Set.of(
            "PENDING->PLACED",
            "PLACED->CANCELLED",
            "PLACED->CANCELLING",
            "CANCELLING->CANCELLED",
            "CANCELLING->PLACED");

    @Test
    void shouldAllowExactlyTheChangesOfTheOrdersLife() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                String change = from + "->" + to;
                if (ALLOWED.contains(change)) {
                    assertThatCode(() -> from.requireNext(to)).as(change).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> from.requireNext(to))
                            .as(change)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(from + " to " + to);
                }
            }
        }
    }

    @Test
    void shouldStartPendingInTccAndPlacedOtherwise() {
        assertThat(OrderStatus.initial(TransactionMode.TCC)).isEqualTo(PENDING);
        for (TransactionMode mode : EnumSet.complementOf(EnumSet.of(TransactionMode.TCC))) {
            assertThat(OrderStatus.initial(mode)).as("%s", mode).isEqualTo(PLACED);
        }
    }

    @Test
    void shouldLetOnlyPlacedOrdersBeCancelledAndCallPlacedAndCancelledSettled() {
        assertThat(EnumSet.allOf(OrderStatus.class))
                .filteredOn(OrderStatus::cancellable)
                .containsExactly(PLACED);
        assertThat(EnumSet.allOf(OrderStatus.class))
                .filteredOn(OrderStatus::settled)
                .containsExactly(PLACED, CANCELLED);
        assertThat(CANCELLED.next()).as("final").isEmpty();
        assertThat(CANCELLING.settled()).isFalse();
    }
}
