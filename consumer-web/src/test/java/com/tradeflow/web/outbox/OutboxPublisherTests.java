package com.tradeflow.web.outbox;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.event.OrderEvent;
import java.time.Instant;
import java.util.List;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxPublisherTests {

    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final OutboxPublisher publisher = new OutboxPublisher(relay);

    private static OrderEvent event(String id) {
        return new OrderEvent(id, OrderEvent.PLACED, 1, 7, 3, 1, 100, Instant.EPOCH);
    }

    private static GlobalTransaction endingIn(String xid, GlobalStatus status) {
        GlobalTransaction tx = mock(GlobalTransaction.class);
        when(tx.getXid()).thenReturn(xid);
        when(tx.getLocalStatus()).thenReturn(status);
        return tx;
    }

    @AfterEach
    void unbind() {
        RootContext.unbind();
    }

    @Test
    void shouldTellTheRelayWhichEventsCommittedAndWakeIt() throws Exception {
        RootContext.bind("xid-1");
        publisher.announce(event("e1"));
        publisher.announce(event("e2"));

        GlobalTransaction tx = endingIn("xid-1", GlobalStatus.Committed);
        publisher.commit(tx);

        verify(tx).commit();
        verify(relay).committed(List.of("e1", "e2"));
        verify(relay).wake();
    }

    @Test
    void shouldTellNothingOfATransactionThatDidNotCommit() throws Exception {
        RootContext.bind("xid-2");
        publisher.announce(event("e3"));

        publisher.commit(endingIn("xid-2", GlobalStatus.TimeoutRollbacked));

        verify(relay, never()).committed(any());
        verify(relay).wake();
    }

    @Test
    void shouldNotCarryTheEventsOfARolledBackTransactionIntoTheNextOne() throws Exception {
        RootContext.bind("xid-3");
        publisher.announce(event("e4"));
        // xid-3 rolled back before its commit: the publisher never saw it end
        RootContext.unbind();
        RootContext.bind("xid-4");
        publisher.announce(event("e5"));

        publisher.commit(endingIn("xid-4", GlobalStatus.Committed));

        verify(relay).committed(List.of("e5"));
    }
}
