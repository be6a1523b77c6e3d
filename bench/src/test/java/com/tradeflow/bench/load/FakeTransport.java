package com.tradeflow.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Answers 201 after a delay of its choosing per request (counted from 0), for load generator tests. */
final class FakeTransport implements HttpTransport {

    private final AtomicInteger sent = new AtomicInteger();
    private final IntFunction<Long> delayMillis;

    FakeTransport(IntFunction<Long> delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public Answer send(HttpCall call) throws InterruptedException {
        Thread.sleep(delayMillis.apply(sent.getAndIncrement()));
        return Answer.of(201, "{\"orderId\":\"1\"}");
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void close() {}
}
