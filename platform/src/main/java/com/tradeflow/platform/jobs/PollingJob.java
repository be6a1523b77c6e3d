package com.tradeflow.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A pass run again and again with a fixed pause in between, on a daemon thread of its own, from start to stop.
 * The pass handles its own failures: an exception escaping it would end the schedule.
 */
public final class PollingJob {

    private final String threadName;
    private final Duration interval;
    private final Runnable pass;
    private volatile ScheduledExecutorService executor;

    public PollingJob(String threadName, Duration interval, Runnable pass) {
        this.threadName = threadName;
        this.interval = interval;
        this.pass = pass;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        e.scheduleWithFixedDelay(pass, millis, millis, TimeUnit.MILLISECONDS);
        executor = e;
    }

    /** Interrupts a pass in progress: its transaction, if any, rolls back. */
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdownNow();
        }
    }

    public boolean isRunning() {
        return executor != null;
    }
}
