package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;

/** Applies one order event; runs in the consumer's local transaction, after the event's dedupe record. */
@FunctionalInterface
public interface OrderEventHandler {

    void apply(OrderEvent event);
}
