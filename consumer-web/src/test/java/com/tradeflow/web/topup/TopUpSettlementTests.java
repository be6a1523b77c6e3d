package com.tradeflow.web.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.events.EventSignatures;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentStatus;
import com.tradeflow.web.outbox.OutboxRepository;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The top-up state machine alone (its SQL and the outbox run against real databases in the e2e tests). */
class TopUpSettlementTests {

    private static final String NUMBER = "TU42";

    private final TopUpRepository topUps = mock(TopUpRepository.class);
    private final OutboxRepository outbox = mock(OutboxRepository.class);
    private final EventSignatures signatures = new EventSignatures("test-signing-key");
    private final TopUpSettlement settlement = new TopUpSettlement(topUps, outbox, signatures);

    @Test
    void shouldMovePendingToSucceededOnceAndWriteTheEvent() {
        TopUp pending = stored(TopUpStatus.PENDING);
        when(topUps.lock(7, NUMBER)).thenReturn(Optional.of(pending));
        when(topUps.finish(any(), any(), any(), any(), any())).thenReturn(true);

        assertThat(settlement.settle(7, NUMBER, result(PaymentStatus.SUCCEEDED, 5000), "NOTIFICATION"))
                .isEqualTo(TopUpSettlement.Outcome.SUCCEEDED);

        verify(topUps).finish(pending, TopUpStatus.SUCCEEDED, "pay_1", "NOTIFICATION", null);
        ArgumentCaptor<TopUpEvent> event = ArgumentCaptor.forClass(TopUpEvent.class);
        verify(outbox).append(event.capture());
        assertThat(event.getValue().merchantOrderNo()).isEqualTo(NUMBER);
        assertThat(event.getValue().amount()).isEqualTo(5000);
        assertThat(event.getValue().userId()).isEqualTo(7);
        assertThat(event.getValue().topUpId()).isEqualTo(42);
        assertThat(signatures.valid(
                        event.getValue().signedContent(), event.getValue().signature()))
                .isTrue();
    }

    @Test
    void shouldMovePendingToFailedWithoutAnEvent() {
        TopUp pending = stored(TopUpStatus.PENDING);
        when(topUps.lock(7, NUMBER)).thenReturn(Optional.of(pending));
        when(topUps.finish(any(), any(), any(), any(), any())).thenReturn(true);

        assertThat(settlement.settle(7, NUMBER, result(PaymentStatus.FAILED, 5000), "QUERY"))
                .isEqualTo(TopUpSettlement.Outcome.FAILED);

        verify(topUps).finish(pending, TopUpStatus.FAILED, "pay_1", "QUERY", TopUpSettlement.FAILURE_PAYMENT_FAILED);
        verify(outbox, never()).append(any(TopUpEvent.class));
    }

    @Test
    void shouldIgnoreAPendingResultWhateverTheTopUpIs() {
        when(topUps.lock(7, NUMBER)).thenReturn(Optional.of(stored(TopUpStatus.SUCCEEDED)));

        assertThat(settlement.settle(7, NUMBER, result(PaymentStatus.PENDING, 5000), "NOTIFICATION"))
                .isEqualTo(TopUpSettlement.Outcome.STILL_PENDING);

        verify(topUps, never()).finish(any(), any(), any(), any(), any());
        verify(outbox, never()).append(any(TopUpEvent.class));
    }

    @Test
    void shouldChangeNothingForTheSameFinalStatusAgain() {
        when(topUps.lock(7, NUMBER)).thenReturn(Optional.of(stored(TopUpStatus.SUCCEEDED)));

        assertThat(settlement.settle(7, NUMBER, result(PaymentStatus.SUCCEEDED, 5000), "NOTIFICATION"))
                .isEqualTo(TopUpSettlement.Outcome.ALREADY_FINAL);

        verify(topUps, never()).finish(any(), any(), any(), any(), any());
        verify(topUps, never()).flagForReview(any(), anyString());
        verify(topUps, never()).flagConflict(any(), anyString());
        verify(outbox, never()).append(any(TopUpEvent.class));
    }

    @Test
    void shouldNeverLeaveAFinalStatusAndFlagTheContradiction() {
        TopUp succeeded = stored(TopUpStatus.SUCCEEDED);
        when(topUps.lock(7, NUMBER)).thenReturn(Optional.of(succeeded));

        assertThat(settlement.settle(7, NUMBER, result(PaymentStatus.FAILED, 5000), "NOTIFICATION"))
                .isEqualTo(TopUpSettlement.Outcome.CONFLICT);

        verify(topUps, never()).finish(any(), any(), any(), any(), any());
        verify(topUps).flagConflict(eq(succeeded), anyString());
    }

    @Test
    void shouldNotSettleAResultForAnotherAmount() {
        TopUp pending = stored(TopUpStatus.PENDING);
        when(topUps.lock(7, NUMBER)).thenReturn(Optional.of(pending));

        assertThat(settlement.settle(7, NUMBER, result(PaymentStatus.SUCCEEDED, 9999), "NOTIFICATION"))
                .isEqualTo(TopUpSettlement.Outcome.CONFLICT);

        verify(topUps, never()).finish(any(), any(), any(), any(), any());
        verify(topUps).flagConflict(eq(pending), anyString());
        verify(outbox, never()).append(any(TopUpEvent.class));
    }

    private static TopUp stored(TopUpStatus status) {
        Instant now = Instant.now();
        return new TopUp(
                42,
                7,
                NUMBER,
                5000,
                "key",
                status,
                "http://127.0.0.1/cb",
                null,
                now,
                null,
                null,
                0,
                now,
                null,
                null,
                null,
                now,
                null);
    }

    private static GatewayPayment result(PaymentStatus status, long amount) {
        return new GatewayPayment("pay_1", NUMBER, amount, status, Instant.now());
    }
}
