package com.tradeflow.gatewaysim;

import com.tradeflow.gatewaysim.admin.AdminApi;
import com.tradeflow.gatewaysim.fault.FaultInjection;
import com.tradeflow.gatewaysim.fault.FaultSettings;
import com.tradeflow.gatewaysim.http.BearerAuth;
import com.tradeflow.gatewaysim.http.JsonHttpServer;
import com.tradeflow.gatewaysim.http.Reply;
import com.tradeflow.gatewaysim.http.Route;
import com.tradeflow.gatewaysim.notification.NotificationSignature;
import com.tradeflow.gatewaysim.notification.PaymentNotifier;
import com.tradeflow.gatewaysim.payment.CreatePaymentService;
import com.tradeflow.gatewaysim.payment.MerchantApi;
import com.tradeflow.gatewaysim.payment.PaymentSettlement;
import com.tradeflow.gatewaysim.payment.PaymentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment gateway simulator: wires the features together and serves them on one port. Embedded in tests
 * and run on its own by {@link GatewaySimMain}. State lives in memory and ends with {@link #close()}.
 *
 * <p>Endpoints: the merchant API ({@link MerchantApi}, bearer api key, faults injected), the admin API
 * ({@link AdminApi}, bearer admin token), and {@code GET /health} (no authentication): 200
 * {@code {"status":"UP"}} for process supervisors.
 */
public final class GatewaySim implements AutoCloseable {

    /**
     * Shared by every timed task (settlements, notification re-sends, delayed replies): the tasks only hand work
     * on, so two threads keep up with far more than a test or the local stack asks for.
     */
    private static final int SCHEDULER_THREADS = 2;

    private static final int HTTP_THREADS = 8;

    private final String host;
    private final ScheduledExecutorService scheduler;
    private final PaymentNotifier notifier;
    private final JsonHttpServer server;

    private GatewaySim(
            String host, ScheduledExecutorService scheduler, PaymentNotifier notifier, JsonHttpServer server) {
        this.host = host;
        this.scheduler = scheduler;
        this.notifier = notifier;
        this.server = server;
    }

    /** @throws PortInUseException when the port is taken */
    public static GatewaySim start(GatewaySimOptions options) {
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = newScheduler();
        FaultSettings faults = new FaultSettings(options.faults());
        FaultInjection faultInjection = new FaultInjection(faults);
        PaymentStore payments = new PaymentStore();
        PaymentNotifier notifier = new PaymentNotifier(
                new NotificationSignature(options.secret()),
                options.notifyRetry(),
                options.notifyTimeout(),
                faults,
                scheduler,
                clock);
        PaymentSettlement settlement =
                new PaymentSettlement(payments, faults, scheduler, options.settleDelay(), clock, notifier::onSettled);
        MerchantApi merchantApi = new MerchantApi(new CreatePaymentService(payments, settlement, clock), payments);
        AdminApi adminApi = new AdminApi(faults, faultInjection, payments, notifier);

        BearerAuth apiKey = new BearerAuth(options.apiKey(), "api key");
        BearerAuth adminToken = new BearerAuth(options.adminToken(), "admin token");
        List<Route> routes = new ArrayList<>();
        for (Route route : merchantApi.routes()) {
            routes.add(new Route(
                    route.method(), route.path(), route.withTail(), faultInjection.around(apiKey, route.handler())));
        }
        for (Route route : adminApi.routes()) {
            routes.add(new Route(route.method(), route.path(), route.withTail(), adminToken.protect(route.handler())));
        }
        routes.add(Route.exact("GET", "/health", request -> Reply.json(200, Map.of("status", "UP"))));
        try {
            return new GatewaySim(
                    options.host(),
                    scheduler,
                    notifier,
                    JsonHttpServer.start(options.host(), options.port(), HTTP_THREADS, routes, scheduler));
        } catch (IOException e) {
            notifier.close();
            scheduler.shutdownNow();
            if (e instanceof BindException) {
                throw new PortInUseException(options.host() + ":" + options.port() + " is in use", e);
            }
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, the base of every endpoint. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.close();
        scheduler.shutdownNow();
        notifier.close();
    }

    private static ScheduledExecutorService newScheduler() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(SCHEDULER_THREADS, r -> {
            Thread thread = new Thread(r, "gateway-sim-scheduler-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The configured port is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
