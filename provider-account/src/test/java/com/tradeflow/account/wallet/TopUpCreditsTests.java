package com.tradeflow.account.wallet;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.events.EventSignatures;
import com.tradeflow.platform.events.UntrustedEventException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class TopUpCreditsTests {

    private static final long USER = 7;
    private static final long AMOUNT = 2_500;

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final WalletRepository wallets = mock(WalletRepository.class);
    private final EventSignatures signatures = new EventSignatures("the-services-signing-key");
    private final TopUpCredits credits = new TopUpCredits(jdbc, wallets, signatures);
    private final TopUpEvent event =
            TopUpEvent.succeeded("e-1", 11, "TU11", USER, AMOUNT, "pay_1", Instant.parse("2026-12-05T10:00:00Z"));

    @Test
    void shouldCreditASignedEventAndRecordItInTheLedger() {
        when(wallets.creditOutsideGlobalTransaction(USER, AMOUNT)).thenReturn(true);

        credits.credit(signed(event));

        verify(jdbc).update(anyString(), any(Object[].class));
        verify(wallets).recordMovement(USER, 11, LedgerType.TOP_UP, AMOUNT);
    }

    @Test
    void shouldCreditNothingAgainForATopUpCreditedBefore() {
        when(jdbc.update(anyString(), any(Object[].class))).thenThrow(new DuplicateKeyException("wallet_top_ups"));

        credits.credit(signed(event));

        verify(wallets, never()).creditOutsideGlobalTransaction(anyLong(), anyLong());
    }

    @Test
    void shouldRefuseUnsignedAndChangedEventsBeforeTouchingAnything() {
        TopUpEvent signed = signed(event);
        TopUpEvent moreMoney = new TopUpEvent(
                signed.eventId(),
                signed.type(),
                signed.topUpId(),
                signed.merchantOrderNo(),
                USER,
                AMOUNT * 100,
                signed.paymentId(),
                signed.occurredAt(),
                signed.signature());

        assertThatThrownBy(() -> credits.credit(event)).isInstanceOf(UntrustedEventException.class);
        assertThatThrownBy(() -> credits.credit(moreMoney))
                .isInstanceOf(UntrustedEventException.class)
                .hasMessageContaining("nothing credited");
        verifyNoInteractions(jdbc, wallets);
    }

    @Test
    void shouldFailForAUserWithoutAWalletSoThatTheRecordRollsBack() {
        when(wallets.creditOutsideGlobalTransaction(USER, AMOUNT)).thenReturn(false);

        assertThatIllegalStateException()
                .isThrownBy(() -> credits.credit(signed(event)))
                .withMessageContaining("no wallet");
        verify(wallets, never()).recordMovement(anyLong(), anyLong(), any(), anyLong());
    }

    private TopUpEvent signed(TopUpEvent unsigned) {
        return unsigned.signedWith(signatures.sign(unsigned.signedContent()));
    }
}
