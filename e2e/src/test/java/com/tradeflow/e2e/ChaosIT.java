package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chaos run's short version, in every build: 48 s of mixed purchases, cancellations, transfers, top-ups and
 * flash-sale tickets through both web instances while faults come one or two at a time (Redis stopped, the payment
 * gateway misbehaving, a provider frozen, the wallet database's connections cut), each for a while and healed; then
 * the checker's verdict over every database must be clean. Processes killed or stopped are left to the fault tests
 * of their own (ProviderKilledIT, EventFaultsIT, CoordinatorFailoverIT ...) and the long run with every kind of fault:
 * {@code mvn -B verify -pl e2e -Pchaos} (e2e/README).
 */
@Order(150)
@ExtendWith(TestStack.class)
class ChaosIT {

    @Test
    void shouldKeepTheBooksRightThroughFaultsOneOrTwoAtATime() throws Exception {
        ChaosRun run = new ChaosRun(
                Duration.ofSeconds(48),
                6,
                new ChaosRun.FaultPlan(
                        List.of(
                                ChaosFault.redis(),
                                ChaosFault.gateway(),
                                ChaosFault.freeze(ServiceName.INVENTORY),
                                ChaosFault.killConnections(TestStack.db(), "tradeflow_account_0")),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        2),
                42,
                Duration.ofSeconds(90));

        ChaosRun.Result result = run.run(
                TestStack.stack(),
                List.of(TestStack.api(), TestStack.api(ServiceName.WEB_TRANSACTIONAL)),
                TestStack.db(),
                Path.of("target", "chaos"));

        System.out.print(Files.readString(result.report()));
        assertThat(result.history().faults()).as("faults injected").hasSizeGreaterThanOrEqualTo(3);
        assertThat(result.history().ops())
                .as("purchases placed during the run")
                .anyMatch(op -> op.kind().equals("PURCHASE") && op.status() == 201);
        assertThat(result.history().ops())
                .as("top-ups and flash-sale tickets taken during the run")
                .anyMatch(op -> op.kind().equals("TOP_UP") && op.status() == 202)
                .anyMatch(op -> op.kind().equals("FLASH_SALE") && op.status() == 202);
        assertThat(result.history().ops())
                .as("no answer says the server broke (a dependency down is 503)")
                .noneMatch(op -> op.status() == 500);
        assertThat(result.violations()).as("the checker's verdict").isEmpty();
    }
}
