package com.tradeflow.web.ops;

import com.tradeflow.web.audit.AdminAudit;
import com.tradeflow.web.outbox.OutboxOperations;
import com.tradeflow.web.reconciliation.ReconciliationOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /ops}: the console's first page. The services' instances as the registry holds them
 * ({@link ServiceInstances}), each web instance's purchases per second, 5xx share and p99 with a chart
 * ({@link InstanceFigures}), what this instance depends on as its health check sees it (databases, Redis ...),
 * purchases of this instance by mode and step (the
 * {@code tradeflow.purchase.step} timers also on {@code /actuator/prometheus}), the outbox rows not sent, the
 * reconciliation's newest open findings and the latest operator actions.
 */
@Controller
class OverviewPage {

    private static final String PURCHASE_STEPS = "tradeflow.purchase.step";

    private final ServiceInstances instances;
    private final InstanceFigures figures;
    private final ObjectProvider<HealthEndpoint> health;
    private final MeterRegistry meters;
    private final OutboxOperations outbox;
    private final ReconciliationOperations reconciliation;
    private final AdminAudit audit;
    private final int entries;
    private final String webService;
    private final Set<String> providers;

    OverviewPage(
            ServiceInstances instances,
            InstanceFigures figures,
            ObjectProvider<HealthEndpoint> health,
            MeterRegistry meters,
            OutboxOperations outbox,
            ReconciliationOperations reconciliation,
            AdminAudit audit,
            @Value("${tradeflow.ops.overview-entries}") int entries,
            @Value("${tradeflow.registration.service}") String webService,
            @Value("${tradeflow.ops.provider-services}") Set<String> providers) {
        this.instances = instances;
        this.figures = figures;
        this.health = health;
        this.meters = meters;
        this.outbox = outbox;
        this.reconciliation = reconciliation;
        this.audit = audit;
        this.entries = entries;
        this.webService = webService;
        this.providers = providers;
    }

    /** One mode's purchases: how many reached the order step (done or failed there), and each step's mean ms. */
    record ModeFigures(String mode, long orders, Map<String, Double> meanMillisByStep) {}

    @GetMapping("/ops")
    String overview(Model model) {
        List<ServiceInstances.Listing> services = instances.list();
        model.addAttribute("services", services);
        Map<String, InstanceFigures.Figures> shown = new LinkedHashMap<>(
                figures.of(members(services, webService::equals), InstanceFigures.PURCHASES, "purchases"));
        shown.putAll(figures.of(members(services, providers::contains), InstanceFigures.CALLS, "calls"));
        model.addAttribute("figures", shown);
        model.addAttribute("dependencies", dependencies());
        model.addAttribute("purchases", purchases());
        model.addAttribute("outbox", outbox.unsentCounts());
        model.addAttribute("reconciliation", reconciliation.report("OPEN", entries));
        model.addAttribute("audit", audit.recent(entries));
        return "ops/overview";
    }

    private static List<ServiceInstances.Member> members(
            List<ServiceInstances.Listing> services, Predicate<String> of) {
        return services.stream()
                .filter(l -> of.test(l.service()))
                .flatMap(l -> l.instances().stream())
                .toList();
    }

    /** This instance's health components (db, redis ...) and their status; empty without the health endpoint. */
    private Map<String, String> dependencies() {
        Map<String, String> statuses = new TreeMap<>();
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint != null && endpoint.health() instanceof CompositeHealth composite) {
            for (Map.Entry<String, HealthComponent> component :
                    composite.getComponents().entrySet()) {
                statuses.put(
                        component.getKey(), component.getValue().getStatus().getCode());
            }
        }
        return statuses;
    }

    private List<ModeFigures> purchases() {
        Map<String, Map<String, Timer>> byMode = new TreeMap<>();
        for (Timer timer : meters.find(PURCHASE_STEPS).timers()) {
            byMode.computeIfAbsent(timer.getId().getTag("mode"), mode -> new TreeMap<>())
                    .put(timer.getId().getTag("step"), timer);
        }
        return byMode.entrySet().stream()
                .filter(mode -> mode.getValue().containsKey("order")
                        && mode.getValue().get("order").count() > 0)
                .map(mode -> {
                    Map<String, Double> means = new TreeMap<>();
                    mode.getValue().forEach((step, timer) -> means.put(step, timer.mean(TimeUnit.MILLISECONDS)));
                    return new ModeFigures(
                            mode.getKey(), mode.getValue().get("order").count(), means);
                })
                .toList();
    }
}
