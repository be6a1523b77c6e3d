package com.tradeflow.bench.probe;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The web API's outbox backlog, from its actuator: events not sent yet ({@code tradeflow.outbox.unsent}, status
 * PENDING) and the age of the oldest ({@code tradeflow.outbox.lag}). Read when a window ends, it tells whether the
 * relay kept up with the load: events sent after the window cost CPU and statements the window's figures miss.
 */
public final class OutboxBacklogProbe {

    private static final String UNSENT = "tradeflow.outbox.unsent?tag=status:PENDING";
    private static final String LAG = "tradeflow.outbox.lag";

    private final URI web;
    private final ActuatorMetrics metrics = new ActuatorMetrics();

    /** @param web base URL of consumer-web's actuator (its management port) */
    public OutboxBacklogProbe(URI web) {
        this.web = web;
    }

    /** @return the backlog now; empty when the actuator does not answer both metrics */
    public Optional<Backlog> read() {
        Optional<String> unsent = metrics.read(web, UNSENT);
        Optional<String> lag = metrics.read(web, LAG);
        if (unsent.isEmpty() || lag.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Backlog(
                    Math.round(ActuatorMetrics.measurement(unsent.get()).value()),
                    ActuatorMetrics.measurement(lag.get()).value()));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** @param pending events not sent yet; @param oldestSeconds how long the oldest has waited (0: caught up) */
    public record Backlog(long pending, double oldestSeconds) {}
}
