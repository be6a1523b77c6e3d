package com.tradeflow.web.ops;

import com.tradeflow.web.reconciliation.ReconciliationOperations;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /ops/reconciliation}: the reconciliation's findings by status; an open one can be resolved with a note (the
 * same action, and audit, as {@code POST /api/admin/reconciliation/findings/{id}/resolve}).
 */
@Controller
class ReconciliationPage {

    private final ReconciliationOperations reconciliation;
    private final int pageSize;

    ReconciliationPage(ReconciliationOperations reconciliation, @Value("${tradeflow.ops.page-size}") int pageSize) {
        this.reconciliation = reconciliation;
        this.pageSize = pageSize;
    }

    @GetMapping("/ops/reconciliation")
    String findings(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        model.addAttribute("statuses", ReconciliationOperations.STATUSES);
        model.addAttribute("maxNote", ReconciliationOperations.MAX_NOTE);
        model.addAttribute("report", reconciliation.report(status, pageSize));
        model.addAttribute("status", status);
        return "ops/reconciliation";
    }

    @PostMapping("/ops/reconciliation/findings/{id}/resolve")
    String resolve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            Principal operator,
            RedirectAttributes flash) {
        return ConsoleAction.run(flash, "/ops/reconciliation", () -> {
            reconciliation.resolve(id, operator.getName(), note.strip());
            return "finding " + id + " resolved";
        });
    }
}
