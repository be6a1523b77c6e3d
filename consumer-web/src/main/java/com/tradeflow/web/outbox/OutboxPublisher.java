package com.tradeflow.web.outbox;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.web.events.OrderEventPublisher;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.tm.api.GlobalTransaction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The transactional-outbox publisher: rows are written PENDING with the order change, and the {@link OutboxRelay}
 * sends them once their transaction committed. The commit itself is Seata's, untouched.
 */
@Component
@ConditionalOnProperty(name = "tradeflow.events.publisher", havingValue = "outbox", matchIfMissing = true)
class OutboxPublisher implements OrderEventPublisher {

    private final OutboxRelay relay;

    OutboxPublisher(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public OutboxStatus rowStatus() {
        return OutboxStatus.PENDING;
    }

    @Override
    public void announce(OrderEvent event) {
        // the relay finds the row; nothing to prepare
    }

    @Override
    public void commit(GlobalTransaction tx) throws TransactionException {
        tx.commit();
        // the rows were committed locally in phase one, but the relay sends AT rows only once their global lock
        // is gone: now is when they can go
        relay.wake();
    }
}
