package com.tradeflow.inventory.stock;

import static com.tradeflow.inventory.stock.DeductStockTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.StockDeduction;
import java.util.Map;
import java.util.Optional;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

class StockReservationActionTests {

    private static final long ORDER = 42;
    private static final long SKU = 7;

    private final StockRepository stock = mock(StockRepository.class);
    private final StockReservationAction action =
            new StockReservationAction(stock, TransactionOperations.withoutTransaction());
    /** What the coordinator hands back to confirm and cancel; JSON makes small numbers Integers. */
    private final BusinessActionContext context = new BusinessActionContext(
            "xid-1", StockReservationAction.ACTION, Map.of("orderId", (int) ORDER, "skuId", (int) SKU, "quantity", 3));

    @Test
    void shouldReserveTheUnitsAndRecordTheReservation() {
        when(stock.beforeTaking(ORDER, SKU, LedgerType.RESERVE, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.empty()));
        when(stock.reserve(SKU, 3)).thenReturn(true);
        when(stock.recordNewMovement(any(), any())).thenReturn(true);

        StockDeduction reservation = action.reserve(context, ORDER, SKU, 3);

        assertThat(reservation).isEqualTo(new StockDeduction(ORDER, SKU, 3, 250, 750));
        verify(stock).recordNewMovement(reservation, LedgerType.RESERVE);
    }

    @Test
    void shouldRefuseATryWhoseCancelCameFirst() {
        StockDeduction tombstone = new StockDeduction(ORDER, SKU, 0, 0, 0);
        when(stock.beforeTaking(ORDER, SKU, LedgerType.RESERVE, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.of(tombstone)));

        assertThatIllegalStateException()
                .isThrownBy(() -> action.reserve(context, ORDER, SKU, 3))
                .withMessageContaining("rolled back");
        verify(stock, never()).reserve(anyLong(), anyInt());
    }

    @Test
    void shouldFailATryWhoseRowKeyTheCancelTookMeanwhileSoThatItsReservationRollsBack() {
        when(stock.beforeTaking(ORDER, SKU, LedgerType.RESERVE, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.empty()));
        when(stock.reserve(SKU, 3)).thenReturn(true);
        when(stock.recordNewMovement(any(), any())).thenReturn(false);

        assertThatIllegalStateException()
                .isThrownBy(() -> action.reserve(context, ORDER, SKU, 3))
                .withMessageContaining("rolled back");
    }

    @Test
    void shouldAnswerARepeatedTryWithTheEarlierReservationEvenOnceConfirmed() {
        StockDeduction earlier = new StockDeduction(ORDER, SKU, 3, 250, 750);
        when(stock.beforeTaking(ORDER, SKU, LedgerType.RESERVE, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.of(earlier)));

        assertThat(action.reserve(context, ORDER, SKU, 3)).isEqualTo(earlier);
        verify(stock, never()).reserve(anyLong(), anyInt());
    }

    @Test
    void shouldRefuseARepeatedTryForAnotherQuantity() {
        StockDeduction earlier = new StockDeduction(ORDER, SKU, 3, 250, 750);
        when(stock.beforeTaking(ORDER, SKU, LedgerType.RESERVE, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.of(earlier)));

        assertThat(refusal(() -> action.reserve(context, ORDER, SKU, 5))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        verify(stock, never()).reserve(anyLong(), anyInt());
    }

    @Test
    void shouldReserveNothingWhenTheStockIsShort() {
        when(stock.beforeTaking(ORDER, SKU, LedgerType.RESERVE, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.empty()));
        when(stock.reserve(SKU, 3)).thenReturn(false);

        assertThat(refusal(() -> action.reserve(context, ORDER, SKU, 3))).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
        verify(stock, never()).recordNewMovement(any(), any());
    }

    @Test
    void shouldSettleTheReservationOnConfirmAndAcceptARepeatedOne() {
        when(stock.settleReservation(ORDER)).thenReturn(true, false);

        assertThat(action.confirm(context)).isTrue();
        assertThat(action.confirm(context)).as("a repeated confirm").isTrue();
        verify(stock, times(2)).settleReservation(ORDER);
    }

    @Test
    void shouldLeaveATombstoneOnACancelWithoutAReservation() {
        when(stock.voidMovement(ORDER, LedgerType.RESERVE)).thenReturn(false);

        assertThat(action.cancel(context)).isTrue();
        verify(stock).recordVoid(ORDER, LedgerType.RESERVE, SKU);
        verify(stock, never()).releaseReservation(anyLong(), anyInt());
    }

    @Test
    void shouldReleaseTheReservedUnitsOnCancel() {
        when(stock.voidMovement(ORDER, LedgerType.RESERVE)).thenReturn(true);
        when(stock.releaseReservation(SKU, 3)).thenReturn(true);

        assertThat(action.cancel(context)).isTrue();
        verify(stock).releaseReservation(SKU, 3);
        verify(stock, never()).recordVoid(anyLong(), any(), anyLong());
    }

    @Test
    void shouldFailACancelWhoseReservedUnitsAreMissingSoThatItsTransactionRollsBack() {
        when(stock.voidMovement(ORDER, LedgerType.RESERVE)).thenReturn(true);
        when(stock.releaseReservation(SKU, 3)).thenReturn(false);

        assertThatIllegalStateException()
                .isThrownBy(() -> action.cancel(context))
                .withMessageContaining("reserved");
    }
}
