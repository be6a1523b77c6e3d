package com.tradeflow.web.ops;

import com.tradeflow.web.flashsale.FlashSaleSummaries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /ops/flash-sales}: the latest flash sales with units left and tickets by state; Redis and the orders
 * against them: {@code GET /api/admin/flash-sales/{saleId}/reconciliation}.
 */
@Controller
class FlashSalesPage {

    private final FlashSaleSummaries sales;
    private final int pageSize;

    FlashSalesPage(FlashSaleSummaries sales, @Value("${tradeflow.ops.flash-sales-shown}") int pageSize) {
        this.sales = sales;
        this.pageSize = pageSize;
    }

    @GetMapping("/ops/flash-sales")
    String latest(Model model) {
        model.addAttribute("sales", sales.latest(pageSize));
        return "ops/flash-sales";
    }
}
