package com.tradeflow.web.system;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.time.Instant;

/**
 * Snowflake-style ids of orders and top-ups (one sequence, so an order and a top-up never share an id): 41 bits of
 * milliseconds since 2026-01-01, 10 bits of worker id (one per live consumer-web instance, leased:
 * {@link WorkerIdLease}), 12 bits of sequence. Time-ordered, unique across instances, no database round trip per id.
 */
public class IdGenerator {

    private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_WORKER = (1L << WORKER_BITS) - 1;
    /** The lease of a worker id lapsed: ids could repeat another instance's until it is renewed. */
    private static final String NO_WORKER_ID =
            "this instance holds no worker id lease right now (the order " + "database away?); try again shortly";

    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final WorkerId worker;
    private long lastMillis = -1;
    private long sequence;

    public IdGenerator(WorkerId worker) {
        if (worker.id() < 0 || worker.id() > MAX_WORKER) {
            throw new IllegalArgumentException("tradeflow.orders.worker-id must be within 0.." + MAX_WORKER);
        }
        this.worker = worker;
    }

    /** @throws BusinessException {@code DEPENDENCY_UNAVAILABLE}: the worker id's lease lapsed */
    public synchronized long next() {
        // the time first, then the lease: a pause between the two cannot stamp a time after the lease ended
        long now = System.currentTimeMillis();
        if (!worker.held()) {
            throw new BusinessException(ErrorCode.DEPENDENCY_UNAVAILABLE, NO_WORKER_ID);
        }
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
        return ((now - EPOCH) << (WORKER_BITS + SEQUENCE_BITS)) | (worker.id() << SEQUENCE_BITS) | sequence;
    }
}
