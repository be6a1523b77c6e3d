package com.tradeflow.web.outbox;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.web.events.AnnouncedEvents;
import com.tradeflow.web.events.OrderEventPublisher;
import com.tradeflow.web.transaction.GlobalTransactions;
import java.util.List;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.tm.api.GlobalTransaction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The transactional-outbox publisher: rows are written PENDING with the order change, and the {@link OutboxRelay}
 * sends them once their transaction committed. The commit itself is Seata's, untouched; when it commits, the relay
 * is told which events it can send without asking the coordinator about their rows' locks.
 */
@Component
@ConditionalOnProperty(name = "tradeflow.events.publisher", havingValue = "outbox", matchIfMissing = true)
class OutboxPublisher implements OrderEventPublisher {

    private final OutboxRelay relay;
    private final AnnouncedEvents announced = new AnnouncedEvents();

    OutboxPublisher(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public OutboxStatus rowStatus() {
        return OutboxStatus.PENDING;
    }

    @Override
    public void announce(OrderEvent event) {
        announced.add(event);
    }

    @Override
    public void commit(GlobalTransaction tx) throws TransactionException {
        List<OrderEvent> events = announced.take(tx.getXid());
        tx.commit();
        if (GlobalTransactions.Outcome.isCommit(tx.getLocalStatus())) {
            relay.committed(events.stream().map(OrderEvent::eventId).toList());
        }
        // the rows were committed locally in phase one, but the relay sends AT rows only once their transaction
        // is known to have committed: now is when they can go
        relay.wake();
    }
}
