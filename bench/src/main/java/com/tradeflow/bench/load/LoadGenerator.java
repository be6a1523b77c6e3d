package com.tradeflow.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs one mode: {@link LoadPlan#connections()} worker threads send steps through warm-up and the measured window,
 * then stop. The calling thread sleeps meanwhile and runs the {@link WindowHooks} at the window's edges (where the
 * probes read CPU and SQL counters), so that they cover the same time as the answers that count. The warm-up lasts
 * {@link LoadPlan#warmup()}, and then as long as {@link WindowHooks#warmEnough()} says no.
 */
public final class LoadGenerator {

    /** Called on the generator's own thread: during the warm-up, and at the start and the end of the window. */
    public interface WindowHooks {
        /**
         * Asked about once a second once the plan's warm-up is over, until it says yes: whether the stack is warm
         * enough to measure. By default it is.
         */
        default boolean warmEnough() {
            return true;
        }

        void measuringStarts();

        void measuringEnds();
    }

    /** How long to wait for requests still in flight after the window, beyond the request timeout. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How often the sleeping generator looks whether a worker failed. */
    private static final long FAILURE_CHECK_MILLIS = 100;
    /** How often a warm-up beyond the plan's asks whether the stack is warm enough. */
    private static final long WARM_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private final HttpTransport transport;
    private final LoadPlan plan;
    private final Duration requestTimeout;

    public LoadGenerator(HttpTransport transport, LoadPlan plan, Duration requestTimeout) {
        this.transport = transport;
        this.plan = plan;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @param steps a fresh step for worker {@code i} (0-based)
     * @throws IllegalStateException when a step failed with an exception (a bug, not an answer)
     */
    public LoadResult run(IntFunction<Step> steps, WindowHooks hooks) throws InterruptedException {
        long start = System.nanoTime();
        MeasuredWindow window = new MeasuredWindow();
        OpenLoopSchedule schedule = plan.ratePerSecond().isPresent()
                ? new OpenLoopSchedule(start, plan.ratePerSecond().getAsDouble())
                : null;
        AtomicLong tickets = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Session> sessions = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < plan.connections(); i++) {
            Session session = new Session(transport, window);
            Step step = steps.apply(i);
            sessions.add(session);
            Thread worker =
                    new Thread(() -> work(session, step, schedule, tickets, window, failure), "bench-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        long warm = start + plan.warmup().toNanos();
        sleepUntil(warm, failure);
        while (failure.get() == null && !hooks.warmEnough()) {
            warm += WARM_CHECK_NANOS;
            sleepUntil(warm, failure);
        }
        long measuringFrom = System.nanoTime();
        window.open(measuringFrom, measuringFrom + plan.duration().toNanos());
        hooks.measuringStarts();
        sleepUntil(window.endNanos(), failure);
        hooks.measuringEnds();
        stop(workers);
        if (failure.get() != null) {
            throw new IllegalStateException("a worker failed: " + failure.get(), failure.get());
        }
        return new LoadResult(
                merge(sessions), Duration.ofNanos(window.lengthNanos()), Duration.ofNanos(window.startNanos() - start));
    }

    private static void work(
            Session session,
            Step step,
            OpenLoopSchedule schedule,
            AtomicLong tickets,
            MeasuredWindow window,
            AtomicReference<Throwable> failure) {
        try {
            while (failure.get() == null) {
                long stopAt = window.endNanos();
                long due;
                if (schedule == null) {
                    due = System.nanoTime();
                } else {
                    due = schedule.dueAt(tickets.getAndIncrement());
                    if (due >= stopAt) {
                        return;
                    }
                    parkUntil(due);
                }
                if (due >= stopAt || System.nanoTime() >= stopAt) {
                    return;
                }
                session.beginStep(due);
                step.run(session);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Waits for the answers in flight (they no longer count), then interrupts what is still waiting. */
    private void stop(List<Thread> workers) throws InterruptedException {
        long deadline = System.nanoTime() + requestTimeout.plus(STOP_GRACE).toNanos();
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                worker.join(Math.max(1, Duration.ofNanos(left).toMillis()));
            }
            if (worker.isAlive()) {
                worker.interrupt();
            }
        }
    }

    private static Map<String, OperationStats> merge(List<Session> sessions) {
        Map<String, OperationStats> merged = new TreeMap<>();
        for (Session session : sessions) {
            session.operations()
                    .forEach((name, stats) -> merged.computeIfAbsent(name, n -> new OperationStats())
                            .add(stats));
        }
        return new LinkedHashMap<>(merged);
    }

    private static void sleepUntil(long nanos, AtomicReference<Throwable> failure) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0 && failure.get() == null) {
            Thread.sleep(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), FAILURE_CHECK_MILLIS)));
        }
    }

    private static void parkUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
