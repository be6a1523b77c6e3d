package com.tradeflow.web.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /ops/sentinel}: the Sentinel rules in force per service and kind (flow, degrade, param-flow, system,
 * authority), as Nacos holds them; a link to the Sentinel dashboard when one is configured, where they are edited.
 */
@Controller
class SentinelPage {

    private final SentinelRulesInNacos rules;
    private final String dashboard;

    SentinelPage(SentinelRulesInNacos rules, @Value("${tradeflow.sentinel.dashboard:}") String dashboard) {
        this.rules = rules;
        this.dashboard = dashboard.strip();
    }

    @GetMapping("/ops/sentinel")
    String rules(Model model) {
        model.addAttribute("configs", rules.all());
        model.addAttribute("group", rules.group());
        model.addAttribute("dashboard", dashboard.isEmpty() ? null : "http://" + dashboard);
        return "ops/sentinel";
    }
}
