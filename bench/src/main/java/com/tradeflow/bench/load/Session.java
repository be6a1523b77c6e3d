package com.tradeflow.bench.load;

import java.util.HashMap;
import java.util.Map;

/**
 * One worker's view of the run: sends a step's requests and records each answer that arrives in the measured
 * window under its operation's name. The first request of a step is timed from when the step was due (open loop)
 * or began (closed loop); later requests of the same step (a cancellation after its purchase) from their own send.
 * Not thread-safe: one per worker.
 */
public final class Session {

    private final HttpTransport transport;
    private final MeasuredWindow window;
    private final Map<String, OperationStats> operations = new HashMap<>();
    private long stepStartNanos;
    private boolean firstCallOfStep;

    Session(HttpTransport transport, MeasuredWindow window) {
        this.transport = transport;
        this.window = window;
    }

    void beginStep(long dueNanos) {
        stepStartNanos = dueNanos;
        firstCallOfStep = true;
    }

    /** Sends one request of the current step and records its answer under {@code operation}. */
    public Answer call(String operation, HttpCall call) throws InterruptedException {
        long start = firstCallOfStep ? stepStartNanos : System.nanoTime();
        firstCallOfStep = false;
        Answer answer = transport.send(call);
        long answered = System.nanoTime();
        if (window.contains(answered)) {
            operations
                    .computeIfAbsent(operation, name -> new OperationStats())
                    .record(answer, OpenLoopSchedule.latencyFromDue(start, answered));
        }
        return answer;
    }

    Map<String, OperationStats> operations() {
        return operations;
    }
}
