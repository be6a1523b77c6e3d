package com.tradeflow.web.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What this instance does on SIGTERM, in order, before anything else stops:
 * <ol>
 *   <li>it leaves Nacos ({@link NacosRegistration}): discovery stops sending it new requests;</li>
 *   <li>the web server stops taking requests and the requests in flight finish (graceful shutdown, at most
 *       {@code spring.lifecycle.timeout-per-shutdown-phase});</li>
 *   <li>only then Dubbo's references close, then the jobs, the pools and the rest (Spring's own order).</li>
 * </ol>
 * Dubbo destroys its module, references included, as soon as the context announces that it closes (its
 * {@code ContextClosedEvent} listener), before Spring's graceful shutdown of the web server: without this, a request
 * in flight at SIGTERM could find its providers gone.
 * Runs first among the listeners of that announcement (highest precedence; Dubbo's has the lowest).
 */
@Component
class ShutdownSequence implements ApplicationListener<ContextClosedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    private final NacosRegistration registration;
    private final WebServerApplicationContext context;
    private final Duration drainLimit;

    ShutdownSequence(
            NacosRegistration registration,
            WebServerApplicationContext context,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drainLimit) {
        this.registration = registration;
        this.context = context;
        this.drainLimit = drainLimit;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        registration.leave();
        drainRequests();
    }

    private void drainRequests() {
        CountDownLatch drained = new CountDownLatch(1);
        AtomicReference<GracefulShutdownResult> result = new AtomicReference<>();
        long start = System.nanoTime();
        context.getWebServer().shutDownGracefully(outcome -> {
            result.set(outcome);
            drained.countDown();
        });
        try {
            if (!drained.await(drainLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("requests still in flight after {}: the shutdown goes on without them", drainLimit);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        log.info(
                "web server drained ({}) in {} ms; Dubbo and the rest stop now",
                result.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
