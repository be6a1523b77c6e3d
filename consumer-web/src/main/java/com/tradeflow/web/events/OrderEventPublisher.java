package com.tradeflow.web.events;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.web.outbox.OutboxStatus;
import com.tradeflow.web.transaction.GlobalCommit;

/**
 * How order events leave consumer-web, chosen by {@code tradeflow.events.publisher}: {@code outbox} (the relay
 * sends outbox rows) or {@code transactional-message} (a RocketMQ half message around the global commit). Either
 * way every order change writes its event into the outbox table in its own local transaction; the publisher says
 * in which status, and wraps the global commit.
 */
public interface OrderEventPublisher extends GlobalCommit {

    /** Status of the outbox row written by an order change of a global transaction. */
    OutboxStatus rowStatus();

    /** Inside a global transaction's work, before its commit: an event its changes write (or, TCC, will write). */
    void announce(OrderEvent event);
}
