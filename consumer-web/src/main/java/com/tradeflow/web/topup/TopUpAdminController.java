package com.tradeflow.web.topup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Top-ups an operator must look at (admin bearer token, see WebSecurity). */
@RestController
@Validated
class TopUpAdminController {

    private static final int MAX_LIMIT = 1000;

    private final TopUpOperations topUps;

    TopUpAdminController(TopUpOperations topUps) {
        this.topUps = topUps;
    }

    /**
     * {@code GET /api/admin/topups/review?limit=100}: top-ups flagged for manual review and still PENDING, oldest
     * first, each with the reason ({@code review}). The reconciliation job keeps querying them: one leaves the list
     * once the gateway settles it.
     */
    @GetMapping("/api/admin/topups/review")
    List<TopUpView> review(@RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return topUps.inReview(limit);
    }

    /**
     * {@code POST /api/admin/topups/{topUpId}/query}: asks the gateway about the top-up now instead of at the
     * reconciliation job's next check; a PENDING one the gateway has settled is settled by it. Answers the top-up
     * and the gateway's record ({@code gateway}, null when it has none). 404 for an unknown top-up, 503
     * {@code DEPENDENCY_UNAVAILABLE} when the gateway does not answer about a finished one. Audited.
     */
    @PostMapping("/api/admin/topups/{topUpId}/query")
    TopUpOperations.QueryAnswer query(@PathVariable long topUpId, Principal operator) {
        return topUps.queryGateway(topUpId, operator.getName());
    }
}
