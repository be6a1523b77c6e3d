package com.tradeflow.web.ops;

import com.tradeflow.web.topup.TopUpOperations;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /ops/topups}: the top-ups flagged for review (still PENDING, or contradicted by the gateway after they
 * finished); "query the gateway now" asks the gateway at once instead of at the job's next check (the same action,
 * and audit, as {@code POST /api/admin/topups/{topUpId}/query}).
 */
@Controller
class TopUpsPage {

    private final TopUpOperations topUps;
    private final int pageSize;

    TopUpsPage(TopUpOperations topUps, @Value("${tradeflow.ops.page-size}") int pageSize) {
        this.topUps = topUps;
        this.pageSize = pageSize;
    }

    @GetMapping("/ops/topups")
    String inReview(Model model) {
        model.addAttribute("topUps", topUps.inReview(pageSize));
        return "ops/topups";
    }

    @PostMapping("/ops/topups/{topUpId}/query")
    String query(@PathVariable long topUpId, Principal operator, RedirectAttributes flash) {
        return ConsoleAction.run(flash, "/ops/topups", () -> {
            TopUpOperations.QueryAnswer answer = topUps.queryGateway(topUpId, operator.getName());
            return "top-up " + topUpId + " is " + answer.topUp().status() + "; the gateway says "
                    + (answer.gateway() == null
                            ? "it has no payment " + answer.topUp().merchantOrderNo()
                            : answer.gateway().status() + " for "
                                    + answer.gateway().amount() + " cents");
        });
    }
}
