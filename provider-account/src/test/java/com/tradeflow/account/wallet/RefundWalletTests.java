package com.tradeflow.account.wallet;

import static com.tradeflow.account.wallet.DebitWalletTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.account.WalletView;
import com.tradeflow.api.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundWalletTests {

    private static final long ORDER = 42;
    private static final long USER = 7;

    private final WalletRepository wallets = mock(WalletRepository.class);
    private final RefundWallet refund = new RefundWallet(wallets);
    private final WalletView wallet = new WalletView(USER, 10_000, 0, 0);

    @Test
    void shouldPayBackWhatTheOrderDebitedOnce() {
        when(wallets.findMovement(USER, ORDER, LedgerType.DEBIT)).thenReturn(Optional.of(750L));
        when(wallets.recordNewMovement(USER, ORDER, LedgerType.REFUND, 750)).thenReturn(true, false);
        when(wallets.find(USER)).thenReturn(Optional.of(wallet));

        assertThat(refund.refund(ORDER, USER, 750)).isSameAs(wallet);
        assertThat(refund.refund(ORDER, USER, 750)).as("repeated").isSameAs(wallet);

        verify(wallets).credit(USER, 750);
    }

    @Test
    void shouldRefuseAnotherAmountThanTheOrderDebited() {
        when(wallets.findMovement(USER, ORDER, LedgerType.DEBIT)).thenReturn(Optional.of(750L));

        assertThat(refusal(() -> refund.refund(ORDER, USER, 75_000))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        verify(wallets, never()).recordNewMovement(anyLong(), anyLong(), any(), anyLong());
        verify(wallets, never()).credit(anyLong(), anyLong());
    }

    @Test
    void shouldRefuseAnOrderThatDebitedNothing() {
        when(wallets.findMovement(USER, ORDER, LedgerType.DEBIT)).thenReturn(Optional.empty());

        assertThat(refusal(() -> refund.refund(ORDER, USER, 750))).isEqualTo(ErrorCode.NOT_FOUND);
        verify(wallets, never()).credit(anyLong(), anyLong());
    }
}
