package com.tradeflow.inventory.stock;

import static com.tradeflow.inventory.stock.DeductStockTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.StockDeduction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestockOrderTests {

    private static final long ORDER = 42;
    private static final long SKU = 7;
    private static final StockDeduction TAKEN = new StockDeduction(ORDER, SKU, 3, 250, 750);

    private final StockRepository stock = mock(StockRepository.class);
    private final RestockOrder restock = new RestockOrder(stock);

    @Test
    void shouldGiveBackWhatTheOrderTookAndRecordTheReturn() {
        when(stock.findMovement(ORDER, LedgerType.DEDUCT)).thenReturn(Optional.of(TAKEN));
        when(stock.findMovement(ORDER, LedgerType.RETURN)).thenReturn(Optional.empty());

        assertThat(restock.restock(ORDER, SKU, 3)).isEqualTo(TAKEN);
        verify(stock).giveBack(SKU, 3);
        verify(stock).recordMovement(TAKEN, LedgerType.RETURN);
    }

    @Test
    void shouldGiveBackOnlyOnceWhenCalledAgain() {
        when(stock.findMovement(ORDER, LedgerType.DEDUCT)).thenReturn(Optional.of(TAKEN));
        when(stock.findMovement(ORDER, LedgerType.RETURN)).thenReturn(Optional.of(TAKEN));

        assertThat(restock.restock(ORDER, SKU, 3)).isEqualTo(TAKEN);
        verify(stock, never()).giveBack(anyLong(), anyInt());
        verify(stock, never()).recordMovement(any(), any());
    }

    @Test
    void shouldRefuseAnotherSkuOrQuantityThanTheOrderTook() {
        when(stock.findMovement(ORDER, LedgerType.DEDUCT)).thenReturn(Optional.of(TAKEN));

        assertThat(refusal(() -> restock.restock(ORDER, SKU + 1, 3))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refusal(() -> restock.restock(ORDER, SKU, 30))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        verify(stock, never()).giveBack(anyLong(), anyInt());
    }

    @Test
    void shouldRefuseAnOrderThatTookNothing() {
        when(stock.findMovement(ORDER, LedgerType.DEDUCT)).thenReturn(Optional.empty());

        assertThat(refusal(() -> restock.restock(ORDER, SKU, 3))).isEqualTo(ErrorCode.NOT_FOUND);
        verify(stock, never()).giveBack(anyLong(), anyInt());
    }
}
