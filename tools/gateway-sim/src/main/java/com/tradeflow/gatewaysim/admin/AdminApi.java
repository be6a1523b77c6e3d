package com.tradeflow.gatewaysim.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.gatewaysim.fault.FaultInjection;
import com.tradeflow.gatewaysim.fault.FaultSettings;
import com.tradeflow.gatewaysim.fault.Faults;
import com.tradeflow.gatewaysim.http.ApiException;
import com.tradeflow.gatewaysim.http.Json;
import com.tradeflow.gatewaysim.http.Reply;
import com.tradeflow.gatewaysim.http.Request;
import com.tradeflow.gatewaysim.http.Route;
import com.tradeflow.gatewaysim.notification.PaymentNotifier;
import com.tradeflow.gatewaysim.payment.Payment;
import com.tradeflow.gatewaysim.payment.PaymentStatus;
import com.tradeflow.gatewaysim.payment.PaymentStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's API: what tests and reconciliation checks use to steer and inspect the gateway. Never faulty.
 * Authentication is put around these routes by the caller.
 *
 * <ul>
 *   <li>{@code GET /admin/faults}: 200 and the faults in force ({@link Faults#asMap()}).</li>
 *   <li>{@code PUT /admin/faults} with some or all of those fields: settings not named keep their value; naming
 *       {@code seed} restarts the random sequence. 200 and the faults now in force; 400 {@code INVALID_FAULTS}
 *       for an unknown field or a value out of range (nothing changes then), 400 {@code INVALID_JSON}.</li>
 *   <li>{@code GET /admin/payments[?status=PENDING|SUCCEEDED|FAILED]}: 200 and {@code {"payments":[...]}},
 *       oldest first, each with its notify URL and its notification's delivery state and attempts.</li>
 *   <li>{@code GET /admin/stats}: 200 and counts of payments by status, notifications and injected faults.</li>
 * </ul>
 */
public final class AdminApi {

    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    private static final TypeReference<Map<String, Object>> CHANGES = new TypeReference<>() {};

    private final FaultSettings faults;
    private final FaultInjection faultInjection;
    private final PaymentStore payments;
    private final PaymentNotifier notifier;

    public AdminApi(
            FaultSettings faults, FaultInjection faultInjection, PaymentStore payments, PaymentNotifier notifier) {
        this.faults = faults;
        this.faultInjection = faultInjection;
        this.payments = payments;
        this.notifier = notifier;
    }

    public List<Route> routes() {
        return List.of(
                Route.exact(
                        "GET",
                        "/admin/faults",
                        request -> Reply.json(200, faults.current().asMap())),
                Route.exact("PUT", "/admin/faults", this::changeFaults),
                Route.exact("GET", "/admin/payments", this::listPayments),
                Route.exact("GET", "/admin/stats", request -> Reply.json(200, stats())));
    }

    private Reply changeFaults(Request request) throws ApiException {
        JsonNode body = Json.readObject(request.body());
        Map<String, Object> changes = Json.MAPPER.convertValue(body, CHANGES);
        Faults now;
        try {
            now = faults.change(changes);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FAULTS", e.getMessage());
        }
        log.info("faults changed: {}", now.asMap());
        return Reply.json(200, now.asMap());
    }

    private Reply listPayments(Request request) throws ApiException {
        PaymentStatus status = statusFilter(request.query().get("status"));
        List<AdminPaymentView> views = payments.all().stream()
                .filter(p -> status == null || p.status() == status)
                .map(p -> AdminPaymentView.of(
                        p, notifier.deliveryOf(p.paymentId()).orElse(null)))
                .toList();
        return Reply.json(200, Map.of("payments", views));
    }

    private static PaymentStatus statusFilter(String value) throws ApiException {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return PaymentStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status must be PENDING, SUCCEEDED or FAILED");
        }
    }

    private GatewayStats stats() {
        Map<PaymentStatus, Long> byStatus = new EnumMap<>(PaymentStatus.class);
        for (PaymentStatus status : PaymentStatus.values()) {
            byStatus.put(status, 0L);
        }
        List<Payment> all = payments.all();
        all.forEach(p -> byStatus.merge(p.status(), 1L, Long::sum));
        return new GatewayStats(
                new GatewayStats.Payments(
                        all.size(),
                        byStatus.get(PaymentStatus.PENDING),
                        byStatus.get(PaymentStatus.SUCCEEDED),
                        byStatus.get(PaymentStatus.FAILED)),
                notifier.stats(),
                new GatewayStats.MerchantApiFaults(faultInjection.errorsInjected(), faultInjection.timeoutsInjected()));
    }
}
