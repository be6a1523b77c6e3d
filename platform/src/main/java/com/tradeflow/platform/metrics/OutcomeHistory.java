package com.tradeflow.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An instance's figures over the last minutes, sampled at a fixed interval from some of its own timers (the web
 * API's purchases, the Dubbo calls a provider serves): answers that succeeded per second, the share that failed
 * (server errors, not the refusals a caller is meant to handle), and the p99 of the successes' latency. Kept in
 * memory ({@code size} samples) and served on an actuator endpoint, where the operations console reads every
 * instance's.
 */
public final class OutcomeHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutcomeHistory.class);
    private static final double P99 = 0.99;
    /** The p99 is taken over this many sampling intervals, so a quiet interval still shows the recent one. */
    private static final int PERCENTILE_WINDOW = 3;

    /** How a timer's answers count. */
    public enum Outcome {
        /** Answered as asked: counted per second, and in the p99. */
        SUCCEEDED,
        /** Refused as the API says it may be (a 4xx, a business refusal): an answer, not a failure. */
        REFUSED,
        /** Failed (a 5xx, an unexpected exception). */
        FAILED
    }

    /**
     * One interval's figures.
     *
     * @param at        when the interval ended (epoch milliseconds)
     * @param perSecond successes per second
     * @param errorRate the share of answers that failed (0 without answers)
     * @param p99Millis the p99 latency of successes over the last intervals (0 without any)
     */
    public record Sample(long at, double perSecond, double errorRate, double p99Millis) {}

    private final String name;
    private final MeterRegistry meters;
    private final String timerName;
    private final Function<Meter.Id, Optional<Outcome>> outcomeOf;
    private final Duration interval;
    private final int size;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private ScheduledExecutorService sampler;
    private long succeededBefore;
    private long answeredBefore;
    private long failedBefore;

    /**
     * @param name      what is sampled, for the sampling thread and logs ("purchases", "calls")
     * @param timerName the timers sampled
     * @param outcomeOf how a timer's answers count; empty: not one of the timers sampled
     */
    public OutcomeHistory(
            String name,
            MeterRegistry meters,
            String timerName,
            Function<Meter.Id, Optional<Outcome>> outcomeOf,
            Duration interval,
            int size) {
        this.name = name;
        this.meters = meters;
        this.timerName = timerName;
        this.outcomeOf = outcomeOf;
        this.interval = interval;
        this.size = size;
    }

    /**
     * Gives the sampled timers that count successes a p99 over a window of a few samples (other timers keep none:
     * a percentile costs on every record).
     */
    public static MeterFilter successPercentile(
            String timerName, Function<Meter.Id, Optional<Outcome>> outcomeOf, Duration interval) {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!timerName.equals(id.getName())
                        || outcomeOf.apply(id).filter(Outcome.SUCCEEDED::equals).isEmpty()) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(P99)
                        .expiry(interval.multipliedBy(PERCENTILE_WINDOW))
                        .bufferLength(PERCENTILE_WINDOW)
                        .build()
                        .merge(config);
            }
        };
    }

    /** The samples, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Takes one sample now (the sampler does, every interval). */
    public synchronized void sample() {
        long succeeded = 0;
        long answered = 0;
        long failed = 0;
        double p99 = 0;
        for (Timer timer : meters.find(timerName).timers()) {
            Optional<Outcome> outcome = outcomeOf.apply(timer.getId());
            if (outcome.isEmpty()) {
                continue;
            }
            answered += timer.count();
            if (outcome.get() == Outcome.SUCCEEDED) {
                succeeded += timer.count();
                for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                    p99 = Math.max(p99, value.value(TimeUnit.MILLISECONDS));
                }
            } else if (outcome.get() == Outcome.FAILED) {
                failed += timer.count();
            }
        }
        long answers = answered - answeredBefore;
        samples.addLast(new Sample(
                System.currentTimeMillis(),
                (succeeded - succeededBefore) * 1000.0 / interval.toMillis(),
                answers == 0 ? 0 : (double) (failed - failedBefore) / answers,
                p99));
        while (samples.size() > size) {
            samples.removeFirst();
        }
        succeededBefore = succeeded;
        answeredBefore = answered;
        failedBefore = failed;
    }

    /** A sample that fails is skipped (the next one covers its interval); a thrown one would end the sampling. */
    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("{} figures not sampled this time", name, e);
        }
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-history");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(
                this::sampleQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }
}
