package com.tradeflow.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A pass run again and again on a daemon thread of its own, from start to stop. After a pass that found work the
 * next one follows {@code busyInterval} later; after passes that found none the pause doubles up to
 * {@code idleInterval}, so a quiet stack is not polled several times a second (the polls of every job together cost
 * about 100 SQL statements a second at rest). {@link #wake} ends an idle pause at once: whoever writes work for the
 * job in this process calls it, so work is not left waiting for an idle pause. While passes find work, wake-ups
 * wait for the busy interval like everything else: under load every purchase wakes the outbox relay and every
 * delivery an inbox, and passes back to back would each carry a row or two, at half a dozen statements a pass.
 * Work written by another process waits at most {@code idleInterval}.
 * The pass handles its own failures; one escaping it ends the job.
 */
public final class PollingJob {

    private final String threadName;
    private final long busyMillis;
    private final long idleMillis;
    private final BooleanSupplier pass;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread thread;

    /**
     * @param pass one pass; answers whether it found work (rows to handle, even ones it had to leave for later)
     */
    public PollingJob(String threadName, Duration busyInterval, Duration idleInterval, BooleanSupplier pass) {
        if (idleInterval.compareTo(busyInterval) < 0) {
            throw new IllegalArgumentException(threadName + ": the idle interval " + idleInterval
                    + " is shorter than the busy interval " + busyInterval);
        }
        this.threadName = threadName;
        this.busyMillis = busyInterval.toMillis();
        this.idleMillis = idleInterval.toMillis();
        this.pass = pass;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::run, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        long pause = busyMillis;
        boolean busy = false;
        try {
            // a pass may swallow the interrupt of stop(): the job also ends once it is no longer this thread's
            while (thread == Thread.currentThread() && !Thread.currentThread().isInterrupted()) {
                if (busy) {
                    Thread.sleep(busyMillis);
                    wakeUps.drainPermits();
                } else if (wakeUps.tryAcquire(pause, TimeUnit.MILLISECONDS)) {
                    // several wake-ups while waiting or passing: one pass serves them all
                    wakeUps.drainPermits();
                }
                busy = pass.getAsBoolean();
                pause = busy ? busyMillis : nextIdlePause(pause, busyMillis, idleMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pause after a pass that found nothing: twice the last one, at most {@code idleMillis}. */
    static long nextIdlePause(long lastPause, long busyMillis, long idleMillis) {
        return Math.min(idleMillis, Math.max(busyMillis, lastPause * 2));
    }

    /**
     * The next pass runs now, or right after the one running, when the job is idle; while passes find work, at the
     * busy interval.
     */
    public void wake() {
        wakeUps.release();
    }

    /** Interrupts a pass in progress: its transaction, if any, rolls back. */
    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean isRunning() {
        return thread != null;
    }
}
