package com.tradeflow.bench.load;

import java.time.Duration;
import java.util.Map;

/**
 * Every operation's latencies and answers over the measured window, merged over all workers.
 *
 * @param measured the window's length
 * @param warmup   how long the load ran before the window
 */
public record LoadResult(Map<String, OperationStats> operations, Duration measured, Duration warmup) {

    /** Requests answered (or failed) in the window, all operations. */
    public long requests() {
        return operations.values().stream().mapToLong(OperationStats::requests).sum();
    }

    public OperationStats operation(String name) {
        return operations.getOrDefault(name, new OperationStats());
    }
}
