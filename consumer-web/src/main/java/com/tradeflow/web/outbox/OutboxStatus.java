package com.tradeflow.web.outbox;

/** Where an outbox row stands. */
public enum OutboxStatus {
    /** written, waiting for the relay (or for its next attempt) */
    PENDING,
    /** the broker acknowledged it */
    SENT,
    /** every attempt failed; waits for an operator to re-queue it */
    DEAD
}
