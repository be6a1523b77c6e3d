package com.tradeflow.web.ops;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /ops/transactions}: the global transactions the coordinator holds (in flight, or with a phase two still
 * retried), with their branches; from the TC's console API ({@link CoordinatorSessions}).
 */
@Controller
class TransactionsPage {

    private final CoordinatorSessions coordinator;

    TransactionsPage(CoordinatorSessions coordinator) {
        this.coordinator = coordinator;
    }

    @GetMapping("/ops/transactions")
    String sessions(Model model) {
        model.addAttribute("listing", coordinator.list());
        return "ops/transactions";
    }
}
