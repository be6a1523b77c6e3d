package com.tradeflow.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.inventory.StockDeduction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeductStockTests {

    private static final long ORDER = 42;
    private static final long SKU = 7;

    private final StockRepository stock = mock(StockRepository.class);
    private final DeductStock deduct = new DeductStock(stock);

    @Test
    void shouldTakeTheUnitsAndRecordThemAtTheProductsPrice() {
        priced(250);
        when(stock.take(SKU, 3)).thenReturn(true);

        StockDeduction deduction = deduct.deduct(ORDER, SKU, 3);

        assertThat(deduction).isEqualTo(new StockDeduction(ORDER, SKU, 3, 250, 750));
        verify(stock).recordMovement(deduction, LedgerType.DEDUCT);
    }

    @Test
    void shouldAnswerARepeatedCallWithTheEarlierDeductionAndTakeNothingMore() {
        StockDeduction earlier = new StockDeduction(ORDER, SKU, 3, 250, 750);
        when(stock.beforeTaking(ORDER, SKU, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.of(earlier)));

        assertThat(deduct.deduct(ORDER, SKU, 3)).isEqualTo(earlier);
        verify(stock, never()).take(anyLong(), anyInt());
        verify(stock, never()).recordMovement(any(), any());
    }

    @Test
    void shouldRefuseARepeatOfTheOrderForAnotherSkuOrQuantity() {
        StockDeduction earlier = new StockDeduction(ORDER, SKU, 3, 250, 750);
        when(stock.beforeTaking(anyLong(), anyLong(), any()))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(250L), Optional.of(earlier)));

        assertThat(refusal(() -> deduct.deduct(ORDER, SKU, 4))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(refusal(() -> deduct.deduct(ORDER, SKU + 1, 3))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        verify(stock, never()).take(anyLong(), anyInt());
    }

    @Test
    void shouldRefuseAnUnknownSkuAndTakeNothing() {
        when(stock.beforeTaking(ORDER, SKU, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.empty(), Optional.empty()));

        assertThat(refusal(() -> deduct.deduct(ORDER, SKU, 1))).isEqualTo(ErrorCode.NOT_FOUND);
        verify(stock, never()).take(anyLong(), anyInt());
    }

    @Test
    void shouldRecordNothingWhenTheStockIsShort() {
        priced(250);
        when(stock.take(SKU, 3)).thenReturn(false);

        assertThat(refusal(() -> deduct.deduct(ORDER, SKU, 3))).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
        verify(stock, never()).recordMovement(any(), any());
    }

    @Test
    void shouldRefuseLessThanOneUnitBeforeReadingAnything() {
        assertThat(refusal(() -> deduct.deduct(ORDER, SKU, 0))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        verifyNoInteractions(stock);
    }

    private void priced(long price) {
        when(stock.beforeTaking(ORDER, SKU, LedgerType.DEDUCT))
                .thenReturn(new StockRepository.BeforeTaking(Optional.of(price), Optional.empty()));
    }

    static ErrorCode refusal(Runnable call) {
        BusinessException refused = catchThrowableOfType(call::run, BusinessException.class);
        assertThat(refused).as("refused with a BusinessException").isNotNull();
        return refused.code();
    }
}
