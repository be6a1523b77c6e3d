package com.tradeflow.web.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Snowflake-style ids of orders and top-ups (one sequence, so an order and a top-up never share an id): 41 bits of
 * milliseconds since 2026-01-01, 10 bits of worker id (one per consumer-web instance,
 * {@code tradeflow.orders.worker-id}), 12 bits of sequence. Time-ordered, unique across instances, no database
 * round trip.
 */
@Component
public class IdGenerator {

    private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_WORKER = (1L << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long worker;
    private long lastMillis = -1;
    private long sequence;

    IdGenerator(@Value("${tradeflow.orders.worker-id:1}") long worker) {
        if (worker < 0 || worker > MAX_WORKER) {
            throw new IllegalArgumentException("tradeflow.orders.worker-id must be within 0.." + MAX_WORKER);
        }
        this.worker = worker;
    }

    public synchronized long next() {
        long now = System.currentTimeMillis();
        if (now < lastMillis) {
            // the clock stepped back: keep issuing from the last millisecond rather than repeat ids
            now = lastMillis;
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                while (now <= lastMillis) {
                    now = System.currentTimeMillis();
                }
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << (WORKER_BITS + SEQUENCE_BITS)) | (worker << SEQUENCE_BITS) | sequence;
    }
}
