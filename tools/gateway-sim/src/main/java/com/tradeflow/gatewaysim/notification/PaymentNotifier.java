package com.tradeflow.gatewaysim.notification;

import com.tradeflow.gatewaysim.fault.FaultSettings;
import com.tradeflow.gatewaysim.fault.Faults;
import com.tradeflow.gatewaysim.http.Json;
import com.tradeflow.gatewaysim.payment.Payment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the merchant the result of each settled payment: POSTs a signed {@link PaymentNotification} to its notify
 * URL until the merchant acknowledges it (HTTP 200 with {@code SUCCESS} in the body) or {@link RetryBackoff}
 * runs out. Everything is asynchronous: sends go through the JDK HTTP client's async API and re-sends are
 * scheduled, so no thread waits for a slow merchant, and the merchant API never waits for a notification.
 *
 * <p>Notification faults are drawn once per payment when it settles: lost (nothing is ever sent), duplicate
 * (the first attempt goes out twice at once, so the merchant's deduplication must hold under concurrency), out
 * of order (after the delivery ends, a stale PENDING notification with an older timestamp follows).
 */
public final class PaymentNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifier.class);
    /** The merchant's acknowledgement, as Alipay expects "success" and WeChat Pay {"code":"SUCCESS"}. */
    static final String ACKNOWLEDGEMENT = "SUCCESS";

    private static final int CLIENT_THREADS = 2;

    private final NotificationSignature signature;
    private final RetryBackoff backoff;
    private final Duration requestTimeout;
    private final FaultSettings faults;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ExecutorService clientExecutor;
    private final HttpClient client;
    private final Map<String, Delivery> deliveriesByPaymentId = new ConcurrentHashMap<>();
    private final NotificationStats stats = new NotificationStats();

    /** Where the result notification of one payment stands, for the admin API. */
    public record DeliveryStatus(DeliveryState state, int attempts) {}

    /**
     * @param requestTimeout a merchant slower than this has not acknowledged; the attempt counts as refused
     * @param scheduler      runs the re-sends; owned by the caller
     */
    public PaymentNotifier(
            NotificationSignature signature,
            RetryBackoff backoff,
            Duration requestTimeout,
            FaultSettings faults,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.signature = signature;
        this.backoff = backoff;
        this.requestTimeout = requestTimeout;
        this.faults = faults;
        this.scheduler = scheduler;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.clientExecutor = Executors.newFixedThreadPool(CLIENT_THREADS, r -> {
            Thread thread = new Thread(r, "gateway-sim-notify-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // merchants' callback endpoints are plain HTTP/1.1
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect is not an acknowledgement
                .executor(clientExecutor)
                .build();
    }

    /** Starts delivering the result of a payment that just settled. */
    public void onSettled(Payment payment) {
        Faults current = faults.current();
        PaymentNotification notification = PaymentNotification.resultOf(payment);
        if (faults.roll(current.lostNotificationRate())) {
            deliveriesByPaymentId.put(
                    payment.paymentId(),
                    new Delivery(notification, new byte[0], payment.notifyUrl(), null, DeliveryState.LOST));
            stats.lost.incrementAndGet();
            log.debug("notification of payment {} lost (fault)", payment.paymentId());
            return;
        }
        boolean duplicate = faults.roll(current.duplicateNotificationRate());
        boolean outOfOrder = faults.roll(current.outOfOrderRate());
        StaleNotification stale = outOfOrder
                ? new StaleNotification(
                        Json.write(PaymentNotification.staleOf(payment)),
                        payment.createdAt().getEpochSecond())
                : null;
        Delivery delivery =
                new Delivery(notification, Json.write(notification), payment.notifyUrl(), stale, DeliveryState.SENDING);
        deliveriesByPaymentId.put(payment.paymentId(), delivery);
        if (duplicate) {
            stats.duplicated.incrementAndGet();
            post(delivery.notifyUrl, delivery.body, nowSeconds());
        }
        attempt(delivery);
    }

    public Optional<DeliveryStatus> deliveryOf(String paymentId) {
        return Optional.ofNullable(deliveriesByPaymentId.get(paymentId))
                .map(d -> new DeliveryStatus(d.state(), d.attempts()));
    }

    public NotificationStats.Snapshot stats() {
        return stats.snapshot();
    }

    @Override
    public void close() {
        // queued callbacks still run (and find the scheduler shut down); nothing new starts
        clientExecutor.shutdown();
    }

    private void attempt(Delivery delivery) {
        int attempt = delivery.nextAttempt();
        post(delivery.notifyUrl, delivery.body, nowSeconds())
                .thenAccept(acknowledged -> afterAttempt(delivery, attempt, acknowledged));
    }

    private void afterAttempt(Delivery delivery, int attempt, boolean acknowledged) {
        String id = delivery.notification.notificationId();
        if (acknowledged) {
            stats.acknowledged.incrementAndGet();
            delivery.finish(DeliveryState.ACKNOWLEDGED);
            log.debug("notification {} acknowledged at attempt {}", id, attempt);
            afterDelivery(delivery);
            return;
        }
        stats.refused.incrementAndGet();
        if (!backoff.allowsAnotherAfter(attempt)) {
            stats.gaveUp.incrementAndGet();
            delivery.finish(DeliveryState.GAVE_UP);
            log.info(
                    "notification {} of merchant order {} not acknowledged after {} attempts: given up",
                    id,
                    delivery.notification.merchantOrderNo(),
                    attempt);
            afterDelivery(delivery);
            return;
        }
        try {
            scheduler.schedule(
                    () -> attempt(delivery), backoff.delayAfter(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("gateway stopping: notification {} not re-sent", id);
        }
    }

    /** The out-of-order fault: the stale notification arrives once the real one is done with. */
    private void afterDelivery(Delivery delivery) {
        if (delivery.stale != null) {
            stats.outOfOrder.incrementAndGet();
            post(delivery.notifyUrl, delivery.stale.body(), delivery.stale.timestampSeconds());
        }
    }

    /** @return whether the merchant acknowledged; never completes exceptionally */
    private CompletableFuture<Boolean> post(String notifyUrl, byte[] body, long timestampSeconds) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .header(NotificationSignature.TIMESTAMP_HEADER, Long.toString(timestampSeconds))
                    .header(NotificationSignature.SIGNATURE_HEADER, signature.sign(timestampSeconds, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            stats.sent.incrementAndGet();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        if (error != null) {
                            log.debug("notification to {} failed: {}", notifyUrl, error.toString());
                            return false;
                        }
                        return response.statusCode() == 200
                                && response.body() != null
                                && response.body().contains(ACKNOWLEDGEMENT);
                    });
        } catch (RuntimeException e) { // a URL the client cannot use, or the client shutting down
            log.debug("notification to {} not sent: {}", notifyUrl, e.toString());
            return CompletableFuture.completedFuture(false);
        }
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
