package com.tradeflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.tracing.MessageTraces;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** One pass of a consumer's inbox: which rows are applied, together or one by one, and what a failure leaves. */
class InboxProcessorTests {

    private static final String CONSUMER = "inventory";
    private static final int MAX_ATTEMPTS = 3;

    private final EventInbox inbox = mock(EventInbox.class);
    private final EventApplier applier = mock(EventApplier.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final EventJson json = new EventJson();
    private final InboxProcessor processor = new InboxProcessor(
            CONSUMER,
            mock(DataSource.class),
            inbox,
            applier,
            new TransactionTemplate(transactions),
            json,
            new EventsProperties.Inbox(null, null, 10, MAX_ATTEMPTS, null, null, null, null),
            new FaultSwitches(),
            MessageTraces.off());

    InboxProcessorTests() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    }

    private EventInbox.Row row(long id, long orderId, int attempts) {
        OrderEvent event = new OrderEvent(
                "event-" + id, OrderEvent.PLACED, orderId, 7L, 3L, 1, 250L, Instant.parse("2026-12-06T10:00:00Z"));
        return new EventInbox.Row(id, event.eventId(), orderId, json.write(event), attempts, null);
    }

    private void due(EventInbox.Row... rows) {
        when(inbox.due(CONSUMER, 10)).thenReturn(List.of(rows));
    }

    @Test
    void shouldApplyTheDueRowsTogetherInOneTransaction() {
        due(row(1, 100, 0), row(2, 200, 0), row(3, 100, 0));
        when(inbox.heldOrders(eq(CONSUMER), any())).thenReturn(Map.of());

        assertThat(processor.applyDue()).isTrue();

        verify(applier)
                .applyAll(List.of(
                        json.read(row(1, 100, 0).payload().getBytes()),
                        json.read(row(2, 200, 0).payload().getBytes()),
                        json.read(row(3, 100, 0).payload().getBytes())));
        verify(inbox).done(List.of(1L, 2L, 3L));
        verify(transactions).commit(any());
    }

    @Test
    void shouldAnswerThatNothingWasDueWhenTheInboxIsEmpty() {
        due();

        assertThat(processor.applyDue()).isFalse();

        verify(applier, never()).applyAll(anyList());
        verify(applier, never()).apply(any());
    }

    @Test
    void shouldLeaveARowWaitingBehindAnEarlierHeldRowOfItsOrder() {
        due(row(5, 100, 0), row(6, 200, 0));
        // order 100 has a row from id 4 on waiting for its retry (or dead): its later rows wait too
        when(inbox.heldOrders(eq(CONSUMER), any())).thenReturn(Map.of(100L, 4L));

        processor.applyDue();

        verify(applier).apply(json.read(row(6, 200, 0).payload().getBytes()));
        verify(applier, never()).apply(json.read(row(5, 100, 0).payload().getBytes()));
        verify(inbox).done(List.of(6L));
        verify(inbox, never()).done(List.of(5L));
    }

    @Test
    void shouldApplyOneByOneWhenTogetherFailsAndHoldTheFailingOrdersLaterRows() {
        EventInbox.Row failing = row(1, 100, 0);
        EventInbox.Row behindIt = row(2, 100, 0);
        EventInbox.Row otherOrder = row(3, 200, 0);
        due(failing, behindIt, otherOrder);
        when(inbox.heldOrders(eq(CONSUMER), any())).thenReturn(Map.of());
        OrderEvent bad = json.read(failing.payload().getBytes());
        doThrow(new IllegalStateException("no such sku")).when(applier).applyAll(anyList());
        doThrow(new IllegalStateException("no such sku")).when(applier).apply(bad);

        processor.applyDue();

        verify(applier).apply(json.read(otherOrder.payload().getBytes()));
        verify(applier, never()).apply(json.read(behindIt.payload().getBytes()));
        verify(inbox).done(List.of(3L));
        verify(inbox).retryLater(eq(1L), eq(1), anyLong(), anyString());
        verify(inbox, never()).dead(anyLong(), anyInt(), anyString());
    }

    @Test
    void shouldMarkARowDeadAfterItsLastAttempt() {
        EventInbox.Row lastChance = row(1, 100, MAX_ATTEMPTS - 1);
        due(lastChance);
        when(inbox.heldOrders(eq(CONSUMER), any())).thenReturn(Map.of());
        doThrow(new IllegalStateException("no such sku")).when(applier).apply(any());

        processor.applyDue();

        verify(inbox).dead(eq(1L), eq(MAX_ATTEMPTS), anyString());
        verify(inbox, never()).retryLater(anyLong(), anyInt(), anyLong(), anyString());
        verify(inbox, never()).done(any());
    }
}
