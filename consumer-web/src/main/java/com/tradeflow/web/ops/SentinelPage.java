package com.tradeflow.web.ops;

import com.tradeflow.platform.sentinel.SentinelProperties;
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

    SentinelPage(SentinelRulesInNacos rules, SentinelProperties sentinel) {
        this.rules = rules;
        this.dashboard = sentinel.dashboard();
    }

    @GetMapping("/ops/sentinel")
    String rules(Model model) {
        model.addAttribute("configs", rules.all());
        model.addAttribute("group", rules.group());
        model.addAttribute("dashboard", dashboard.isEmpty() ? null : "http://" + dashboard);
        return "ops/sentinel";
    }
}
