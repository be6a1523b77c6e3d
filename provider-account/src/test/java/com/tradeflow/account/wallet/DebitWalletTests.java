package com.tradeflow.account.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebitWalletTests {

    private static final long ORDER = 42;
    private static final long USER = 7;

    private final WalletRepository wallets = mock(WalletRepository.class);
    private final DebitWallet debit = new DebitWallet(wallets);

    @Test
    void shouldRecordTheDebitThenTakeTheMoney() {
        when(wallets.recordNewMovement(USER, ORDER, LedgerType.DEBIT, 750)).thenReturn(true);
        when(wallets.take(USER, 750)).thenReturn(true);

        debit.debit(ORDER, USER, 750);

        verify(wallets).take(USER, 750);
    }

    @Test
    void shouldTakeNothingMoreWhenTheOrderWasDebitedBefore() {
        when(wallets.recordNewMovement(USER, ORDER, LedgerType.DEBIT, 750)).thenReturn(false);
        when(wallets.findMovement(USER, ORDER, LedgerType.DEBIT)).thenReturn(Optional.of(750L));

        debit.debit(ORDER, USER, 750);

        verify(wallets, never()).take(anyLong(), anyLong());
    }

    @Test
    void shouldRefuseASecondDebitOfTheOrderForAnotherAmountOrUser() {
        when(wallets.recordNewMovement(anyLong(), anyLong(), any(), anyLong())).thenReturn(false);
        when(wallets.findMovement(USER, ORDER, LedgerType.DEBIT)).thenReturn(Optional.of(750L));
        when(wallets.findMovement(USER + 1, ORDER, LedgerType.DEBIT)).thenReturn(Optional.empty());

        assertThat(refusal(() -> debit.debit(ORDER, USER, 75_000))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(refusal(() -> debit.debit(ORDER, USER + 1, 750))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        verify(wallets, never()).take(anyLong(), anyLong());
    }

    @Test
    void shouldFailWithTheRepositorysReasonWhenTheMoneyIsNotThere() {
        BusinessException reason = new BusinessException(ErrorCode.INSUFFICIENT_BALANCE, "short");
        when(wallets.recordNewMovement(USER, ORDER, LedgerType.DEBIT, 750)).thenReturn(true);
        when(wallets.take(USER, 750)).thenReturn(false);
        when(wallets.refusal(USER, 750)).thenReturn(reason);

        // the ledger row goes with the transaction this exception rolls back
        assertThatThrownBy(() -> debit.debit(ORDER, USER, 750)).isSameAs(reason);
    }

    @Test
    void shouldRefuseLessThanOneCentBeforeWritingAnything() {
        assertThat(refusal(() -> debit.debit(ORDER, USER, 0))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        verifyNoInteractions(wallets);
    }

    static ErrorCode refusal(Runnable call) {
        BusinessException refused = catchThrowableOfType(call::run, BusinessException.class);
        assertThat(refused).as("refused with a BusinessException").isNotNull();
        return refused.code();
    }
}
