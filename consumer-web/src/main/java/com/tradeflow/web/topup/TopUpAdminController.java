package com.tradeflow.web.topup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Top-ups an operator must look at (admin bearer token, see WebSecurity). */
@RestController
@Validated
class TopUpAdminController {

    private static final int MAX_LIMIT = 1000;

    private final TopUpRepository topUps;

    TopUpAdminController(TopUpRepository topUps) {
        this.topUps = topUps;
    }

    /**
     * {@code GET /api/admin/topups/review?limit=100}: top-ups flagged for manual review and still PENDING, oldest
     * first, each with the reason ({@code review}). The reconciliation job keeps querying them: one leaves the list
     * once the gateway settles it.
     */
    @GetMapping("/api/admin/topups/review")
    List<TopUpView> review(@RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return topUps.inReview(limit).stream().map(TopUpView::of).toList();
    }
}
