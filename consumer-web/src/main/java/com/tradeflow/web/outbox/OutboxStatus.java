package com.tradeflow.web.outbox;

/** Where an outbox row stands. */
public enum OutboxStatus {
    /** written, waiting for the relay (or for its next attempt) */
    PENDING,
    /** the broker acknowledged it */
    SENT,
    /** every attempt failed; waits for an operator to re-queue it */
    DEAD,
    /**
     * travels as a RocketMQ transactional message (half message committed with the global transaction, or by the
     * broker's check-back); the relay takes it over only if it is still here long after (a lost half message)
     */
    TRANSACTIONAL
}
