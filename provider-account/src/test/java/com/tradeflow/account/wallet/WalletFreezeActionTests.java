package com.tradeflow.account.wallet;

import static com.tradeflow.account.wallet.DebitWalletTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

class WalletFreezeActionTests {

    private static final long ORDER = 42;
    private static final long USER = 7;

    private final WalletRepository wallets = mock(WalletRepository.class);
    private final WalletFreezeAction action =
            new WalletFreezeAction(wallets, TransactionOperations.withoutTransaction());
    /** What the coordinator hands back to confirm and cancel; JSON makes small numbers Integers. */
    private final BusinessActionContext context = new BusinessActionContext(
            "xid-1", WalletFreezeAction.ACTION, Map.of("orderId", (int) ORDER, "userId", (int) USER, "amount", 750));

    @Test
    void shouldFreezeTheAmountAndRecordIt() {
        when(wallets.findMovement(USER, ORDER, LedgerType.FREEZE, LedgerType.DEBIT))
                .thenReturn(Optional.empty());
        when(wallets.freeze(USER, 750)).thenReturn(true);
        when(wallets.recordNewMovement(USER, ORDER, LedgerType.FREEZE, 750)).thenReturn(true);

        action.freeze(context, ORDER, USER, 750);

        verify(wallets).recordNewMovement(USER, ORDER, LedgerType.FREEZE, 750);
    }

    @Test
    void shouldRefuseATryWhoseCancelCameFirst() {
        when(wallets.findMovement(USER, ORDER, LedgerType.FREEZE, LedgerType.DEBIT))
                .thenReturn(Optional.of(0L));

        assertThatIllegalStateException()
                .isThrownBy(() -> action.freeze(context, ORDER, USER, 750))
                .withMessageContaining("rolled back");
        verify(wallets, never()).freeze(anyLong(), anyLong());
    }

    @Test
    void shouldFailATryWhoseRowKeyTheCancelTookMeanwhileSoThatItsFreezeRollsBack() {
        when(wallets.findMovement(USER, ORDER, LedgerType.FREEZE, LedgerType.DEBIT))
                .thenReturn(Optional.empty());
        when(wallets.freeze(USER, 750)).thenReturn(true);
        when(wallets.recordNewMovement(USER, ORDER, LedgerType.FREEZE, 750)).thenReturn(false);

        assertThatIllegalStateException()
                .isThrownBy(() -> action.freeze(context, ORDER, USER, 750))
                .withMessageContaining("rolled back");
    }

    @Test
    void shouldFreezeNothingMoreOnARepeatedTryAndRefuseOneForAnotherAmount() {
        when(wallets.findMovement(USER, ORDER, LedgerType.FREEZE, LedgerType.DEBIT))
                .thenReturn(Optional.of(750L));

        action.freeze(context, ORDER, USER, 750);
        assertThat(refusal(() -> action.freeze(context, ORDER, USER, 751))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);

        verify(wallets, never()).freeze(anyLong(), anyLong());
    }

    @Test
    void shouldSpendTheFrozenMoneyOnConfirmAndAcceptARepeatedOne() {
        when(wallets.spendFrozen(USER, ORDER)).thenReturn(true, false);

        assertThat(action.confirm(context)).isTrue();
        assertThat(action.confirm(context)).as("a repeated confirm").isTrue();
        verify(wallets, times(2)).spendFrozen(USER, ORDER);
    }

    @Test
    void shouldLeaveATombstoneOnACancelWithoutATry() {
        when(wallets.voidMovement(USER, ORDER, LedgerType.FREEZE)).thenReturn(false);

        assertThat(action.cancel(context)).isTrue();
        verify(wallets).recordVoid(USER, ORDER, LedgerType.FREEZE);
        verify(wallets, never()).unfreeze(anyLong(), anyLong());
    }

    @Test
    void shouldUnfreezeTheMoneyOnCancel() {
        when(wallets.voidMovement(USER, ORDER, LedgerType.FREEZE)).thenReturn(true);
        when(wallets.unfreeze(USER, 750)).thenReturn(true);

        assertThat(action.cancel(context)).isTrue();
        verify(wallets).unfreeze(USER, 750);
        verify(wallets, never()).recordVoid(anyLong(), anyLong(), org.mockito.ArgumentMatchers.any());
    }
}
