package com.tradeflow.platform.events;

import com.tradeflow.api.event.OrderEvent;
import java.util.List;

/** Applies order events; runs in the consumer's local transaction, after the events' dedupe records. */
@FunctionalInterface
public interface OrderEventHandler {

    void apply(OrderEvent event);

    /**
     * Applies several events, in their order, in one transaction (a batch of a queue, first deliveries only). One by
     * one unless the handler knows better: effects that add up (counters) can be written as one statement.
     */
    default void applyAll(List<OrderEvent> events) {
        events.forEach(this::apply);
    }
}
