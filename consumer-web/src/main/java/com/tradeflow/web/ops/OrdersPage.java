package com.tradeflow.web.ops;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.web.order.OrderInspection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /ops/orders?orderId=...}: one order with its global transactions, its events (reached the broker or not)
 * and a link to the trace of the request that placed it (the same lookup as {@code GET /api/admin/orders/{id}}).
 */
@Controller
class OrdersPage {

    private final OrderInspection inspection;
    private final String traceUrl;

    /** @param traceUrl the trace viewer's page of a trace, {@code {traceId}} standing for its id */
    OrdersPage(OrderInspection inspection, @Value("${tradeflow.ops.trace-url}") String traceUrl) {
        this.inspection = inspection;
        this.traceUrl = traceUrl;
    }

    @GetMapping("/ops/orders")
    String order(@RequestParam(required = false) String orderId, Model model) {
        model.addAttribute("orderId", orderId);
        if (orderId == null || orderId.isBlank()) {
            return "ops/orders";
        }
        long id;
        try {
            id = Long.parseLong(orderId.strip());
        } catch (NumberFormatException e) {
            model.addAttribute("refused", "an order id is a number: " + orderId);
            return "ops/orders";
        }
        try {
            OrderInspection.Details details = inspection.find(id);
            model.addAttribute("details", details);
            if (details.traceId() != null) {
                model.addAttribute("traceLink", traceUrl.replace("{traceId}", details.traceId()));
            }
        } catch (BusinessException e) {
            model.addAttribute("refused", e.getMessage());
        }
        return "ops/orders";
    }
}
