package com.tradeflow.bench.load;

/**
 * What a worker does once per iteration: one purchase, a purchase then maybe its cancellation, one transfer.
 * One instance per worker (it may keep its own random numbers and key counter).
 */
@FunctionalInterface
public interface Step {

    void run(Session session) throws InterruptedException;
}
