package com.tradeflow.web.ops;

import com.tradeflow.web.audit.AdminAudit;
import com.tradeflow.web.outbox.OutboxOperations;
import com.tradeflow.web.reconciliation.ReconciliationOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /ops}: the console's first page. Purchases of this instance by mode and step (the
 * {@code tradeflow.purchase.step} timers also on {@code /actuator/prometheus}), the outbox rows not sent, the
 * reconciliation's newest open findings and the latest operator actions.
 */
@Controller
class OverviewPage {

    private static final String PURCHASE_STEPS = "tradeflow.purchase.step";

    private final MeterRegistry meters;
    private final OutboxOperations outbox;
    private final ReconciliationOperations reconciliation;
    private final AdminAudit audit;
    private final int entries;

    OverviewPage(MeterRegistry meters, OutboxOperations outbox, ReconciliationOperations reconciliation,
            AdminAudit audit, @Value("${tradeflow.ops.overview-entries}") int entries) {
        this.meters = meters;
        this.outbox = outbox;
        this.reconciliation = reconciliation;
        this.audit = audit;
        this.entries = entries;
    }

    /** One mode's purchases: how many reached each step, and the mean milliseconds of each. */
    record ModeFigures(String mode, long orders, Map<String, Double> meanMillisByStep) {
    }

    @GetMapping("/ops")
    String overview(Model model) {
        model.addAttribute("purchases", purchases());
        model.addAttribute("outbox", outbox.unsentCounts());
        model.addAttribute("reconciliation", reconciliation.report("OPEN", entries));
        model.addAttribute("audit", audit.recent(entries));
        return "ops/overview";
    }

    private List<ModeFigures> purchases() {
        Map<String, Map<String, Timer>> byMode = new TreeMap<>();
        for (Timer timer : meters.find(PURCHASE_STEPS).timers()) {
            byMode.computeIfAbsent(timer.getId().getTag("mode"), mode -> new TreeMap<>())
                    .put(timer.getId().getTag("step"), timer);
        }
        return byMode.entrySet().stream()
                .filter(mode -> mode.getValue().containsKey("order") && mode.getValue().get("order").count() > 0)
                .map(mode -> {
                    Map<String, Double> means = new TreeMap<>();
                    mode.getValue().forEach((step, timer) -> means.put(step, timer.mean(TimeUnit.MILLISECONDS)));
                    return new ModeFigures(mode.getKey(), mode.getValue().get("order").count(), means);
                }).toList();
    }
}
