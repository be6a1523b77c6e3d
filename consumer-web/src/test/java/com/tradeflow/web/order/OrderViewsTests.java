package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.web.transaction.GlobalTransactionStatus;
import java.time.Instant;
import java.util.Optional;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.Test;

class OrderViewsTests {

    private static final String XID = "192.0.2.2:8091:42";
    private static final Order ORDER = new Order(
            7, 3, 4, 1, 999, OrderStatus.PLACED, TransactionMode.AT, Instant.parse("2026-12-03T10:00:00Z"), XID);

    private final OrderRepository orders = mock(OrderRepository.class);
    private final GlobalTransactionStatus statuses = mock(GlobalTransactionStatus.class);
    private final OrderViews views = new OrderViews(orders, statuses);

    @Test
    void shouldShowAnOrderWhoseCommitTheCoordinatorDidNotConfirmAsUnknownWhileItCannotTell() {
        OrderTransaction placing = recorded(GlobalStatus.UnKnown);
        when(statuses.afterUnconfirmedCommit(XID, true)).thenReturn(Optional.empty());

        OrderView view = views.current(ORDER);

        assertThat(view.status()).isEqualTo(OrderView.UNKNOWN);
        assertThat(view.lastTransaction().status()).isEqualTo("UnKnown");
        verify(orders, never()).updateTransactionStatus(placing, "Committed");
    }

    @Test
    void shouldShowTheOrderAsItStandsAndRecordTheCommitOnceTheCoordinatorConfirmsIt() {
        OrderTransaction placing = recorded(GlobalStatus.UnKnown);
        when(statuses.afterUnconfirmedCommit(XID, true)).thenReturn(Optional.of(GlobalStatus.Committed));

        OrderView view = views.current(ORDER);

        assertThat(view.status()).isEqualTo("PLACED");
        assertThat(view.lastTransaction().status()).isEqualTo("Committed");
        verify(orders).updateTransactionStatus(placing, "Committed");
    }

    @Test
    void shouldLookUpATransactionStillInPhaseTwoAndLeaveAFinalOneAlone() {
        OrderTransaction retrying = recorded(GlobalStatus.CommitRetrying);
        when(statuses.finalStatus(XID, GlobalStatus.CommitRetrying)).thenReturn(Optional.of(GlobalStatus.Committed));

        assertThat(views.current(ORDER).lastTransaction().status()).isEqualTo("Committed");
        verify(orders).updateTransactionStatus(retrying, "Committed");
        verify(statuses, never()).afterUnconfirmedCommit(anyString(), anyBoolean());
    }

    @Test
    void shouldShowAnOrderWithoutRecordedTransactionAsStored() {
        when(orders.lastTransaction(ORDER)).thenReturn(Optional.empty());

        OrderView view = views.current(ORDER);

        assertThat(view.status()).isEqualTo("PLACED");
        assertThat(view.lastTransaction()).isNull();
    }

    private OrderTransaction recorded(GlobalStatus status) {
        OrderTransaction tx = new OrderTransaction(
                XID,
                ORDER.orderId(),
                ORDER.userId(),
                "PLACE",
                TransactionMode.AT,
                status.name(),
                Instant.parse("2026-12-03T10:00:01Z"));
        when(orders.lastTransaction(ORDER)).thenReturn(Optional.of(tx));
        return tx;
    }
}
