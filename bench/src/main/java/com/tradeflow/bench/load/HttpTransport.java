package com.tradeflow.bench.load;

/** Sends a scenario's requests to the web API; shared by all workers. */
public interface HttpTransport extends AutoCloseable {

    /** Sends and waits for the whole answer; a request that gets none is an {@link Answer} too, never thrown. */
    Answer send(HttpCall call) throws InterruptedException;

    @Override
    void close();
}
