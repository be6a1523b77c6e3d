package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.web.outbox.OutboxStatus;
import java.util.HashMap;
import java.util.Map;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.Test;

/**
 * The order's TCC actions, with the action context as the coordinator hands it back in phase two (small numbers
 * as Integer, large ones as Long, strings); the repository is a fake.
 */
class OrderTccActionsTests {

    private static final long ORDER_ID = 123_156_068_846_010_368L;

    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderPlacementAction placement = new OrderPlacementAction(orders);
    private final OrderCancellationAction cancellation = new OrderCancellationAction(orders);

    private static BusinessActionContext phaseTwo() {
        Map<String, Object> values = new HashMap<>();
        values.put("orderId", ORDER_ID);
        values.put("userId", 7);
        values.put("eventId", "event-1");
        values.put("eventStatus", "PENDING");
        BusinessActionContext context = new BusinessActionContext();
        context.setXid("tc:8091:1");
        context.setActionContext(values);
        return context;
    }

    @Test
    void shouldWriteThePlacedOrderAsTheTryAndNothingElse() {
        Order order = Order.create(ORDER_ID, 7L, 3L, 1, 250L, TransactionMode.TCC, "tc:8091:1");

        placement.place(null, ORDER_ID, 7L, "event-1", "PENDING", order, "key-1", "fingerprint");

        verify(orders).insertRows(order, "key-1", "fingerprint");
        verifyNoMoreInteractions(orders);
    }

    @Test
    void shouldConfirmAPlacementIntoPlacedWithTheEventIdAndStatusTheTryWasGiven() {
        assertThat(placement.confirm(phaseTwo())).isTrue();

        verify(orders)
                .changeStatusAnnounced(
                        ORDER_ID,
                        7L,
                        OrderStatus.PENDING,
                        OrderStatus.PLACED,
                        OrderEvent.PLACED,
                        "event-1",
                        OutboxStatus.PENDING);
    }

    @Test
    void shouldCancelAPlacementByRemovingTheOrderThatNeverWas() {
        assertThat(placement.cancel(phaseTwo())).isTrue();

        verify(orders).deleteUnplaced(ORDER_ID, 7L);
    }

    @Test
    void shouldRefuseToBeginACancellationOfAnOrderThatIsNotPlaced() {
        when(orders.changeStatus(ORDER_ID, 7L, OrderStatus.PLACED, OrderStatus.CANCELLING))
                .thenReturn(false);

        assertThatThrownBy(() -> cancellation.begin(null, ORDER_ID, 7L, "event-2", "SENT"))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ORDER_NOT_CANCELLABLE));
    }

    @Test
    void shouldConfirmACancellationIntoCancelledWithItsEvent() {
        assertThat(cancellation.confirm(phaseTwo())).isTrue();

        verify(orders)
                .changeStatusAnnounced(
                        ORDER_ID,
                        7L,
                        OrderStatus.CANCELLING,
                        OrderStatus.CANCELLED,
                        OrderEvent.CANCELLED,
                        "event-1",
                        OutboxStatus.PENDING);
    }

    @Test
    void shouldPutACancelledCancellationBackToPlaced() {
        assertThat(cancellation.cancel(phaseTwo())).isTrue();

        verify(orders).changeStatus(ORDER_ID, 7L, OrderStatus.CANCELLING, OrderStatus.PLACED);
    }

    @Test
    void shouldFailPhaseTwoLoudlyWhenTheContextLacksTheOrder() {
        BusinessActionContext empty = new BusinessActionContext();
        empty.setActionContext(new HashMap<>());

        assertThatThrownBy(() -> placement.confirm(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orderId");
        verifyNoInteractions(orders);
    }
}
