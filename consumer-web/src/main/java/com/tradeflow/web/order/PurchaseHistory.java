package com.tradeflow.web.order;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's purchases over the last minutes, sampled every {@code tradeflow.ops.history.interval} from the web
 * API's own request timers ({@code http.server.requests} of {@code POST /api/orders}): purchases answered 2xx per
 * second, the share answered 5xx, and the p99 of the 2xx answers' latency. Kept in memory
 * ({@code ...history.size} samples), served on the management port as {@code /actuator/purchases}, where the
 * console reads every web instance's.
 */
@Component
public class PurchaseHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PurchaseHistory.class);
    static final String REQUESTS = "http.server.requests";
    static final String PURCHASES = "/api/orders";
    private static final String POST = "POST";
    private static final double P99 = 0.99;
    private static final String SUCCESS = "SUCCESS";
    private static final String SERVER_ERROR = "SERVER_ERROR";
    /** The p99 is taken over this many sampling intervals, so a quiet interval still shows the recent one. */
    private static final int PERCENTILE_WINDOW = 3;

    private final MeterRegistry meters;
    private final Duration interval;
    private final int size;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private ScheduledExecutorService sampler;
    private long succeededBefore;
    private long answeredBefore;
    private long failedBefore;

    PurchaseHistory(MeterRegistry meters, @Value("${tradeflow.ops.history.interval}") Duration interval,
            @Value("${tradeflow.ops.history.size}") int size) {
        this.meters = meters;
        this.interval = interval;
        this.size = size;
    }

    /**
     * One interval's figures.
     *
     * @param at         when the interval ended (epoch milliseconds)
     * @param perSecond  purchases answered 2xx per second
     * @param errorRate  the share of answers that were 5xx (0 without answers)
     * @param p99Millis  the p99 latency of 2xx answers over the last intervals (0 without answers)
     */
    public record Sample(long at, double perSecond, double errorRate, double p99Millis) {
    }

    /** The samples, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Gives the purchases' request timers a p99 over a window of a few samples (the other timers keep none). */
    static MeterFilter purchaseLatencyPercentile(Duration interval) {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!isPurchase(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(P99)
                        .expiry(interval.multipliedBy(PERCENTILE_WINDOW)).bufferLength(PERCENTILE_WINDOW).build()
                        .merge(config);
            }
        };
    }

    synchronized void sample() {
        long succeeded = 0;
        long answered = 0;
        long failed = 0;
        double p99 = 0;
        for (Timer timer : meters.find(REQUESTS).timers()) {
            if (!isPurchase(timer.getId())) {
                continue;
            }
            String outcome = timer.getId().getTag("outcome");
            answered += timer.count();
            if (SUCCESS.equals(outcome)) {
                succeeded += timer.count();
                for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                    p99 = Math.max(p99, value.value(TimeUnit.MILLISECONDS));
                }
            } else if (SERVER_ERROR.equals(outcome)) {
                failed += timer.count();
            }
        }
        long answers = answered - answeredBefore;
        samples.addLast(new Sample(System.currentTimeMillis(),
                (succeeded - succeededBefore) * 1000.0 / interval.toMillis(),
                answers == 0 ? 0 : (double) (failed - failedBefore) / answers, p99));
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
            log.warn("purchase figures not sampled this time", e);
        }
    }

    private static boolean isPurchase(Meter.Id id) {
        return REQUESTS.equals(id.getName()) && PURCHASES.equals(id.getTag("uri")) && POST.equals(id.getTag("method"));
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "purchase-history");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sampleQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
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
