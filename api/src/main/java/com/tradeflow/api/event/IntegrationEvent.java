package com.tradeflow.api.event;

import java.time.Instant;

/**
 * What every integration event carries, whatever its topic: the relay, the dead-letter replay and the consumers'
 * dedupe records handle events through it.
 */
public interface IntegrationEvent {

    /** Unique per event: consumers deduplicate on it. */
    String eventId();

    /** The event type, also the message tag. */
    String type();

    /** The order or top-up the event belongs to: its events share a queue and are consumed in order. */
    long aggregateId();

    /** Whose event: where the consumer's rows live in sharded databases. */
    long userId();

    Instant occurredAt();
}
