package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.service.ServiceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The long chaos run: {@code mvn -B verify -pl e2e -Pchaos} (10 minutes; {@code -Dchaos.duration=30m} for more), every
 * kind of fault of {@link ChaosFault#catalogue} in a seeded random order ({@code -Dchaos.seed}), one or two at a time,
 * on the test stack.
 * The report goes to {@code e2e/target/chaos/}.
 */
@ExtendWith(TestStack.class)
class ChaosSoak {

    @Test
    void shouldKeepTheBooksRightThroughEveryKindOfFault() throws Exception {
        Duration duration = Duration.parse(
                "PT" + System.getProperty("chaos.duration", "10m").toUpperCase());
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        ChaosRun run = new ChaosRun(
                duration,
                8,
                new ChaosRun.FaultPlan(
                        ChaosFault.catalogue(TestStack.db()), Duration.ofSeconds(10), Duration.ofSeconds(15), 2),
                seed,
                Duration.ofMinutes(3));

        ChaosRun.Result result = run.run(
                TestStack.stack(),
                List.of(TestStack.api(), TestStack.api(ServiceName.WEB_TRANSACTIONAL)),
                TestStack.db(),
                Path.of("target", "chaos"));

        System.out.print(Files.readString(result.report()));
        assertThat(result.violations())
                .as("the checker's verdict (seed %d)", seed)
                .isEmpty();
        assertThat(result.history().ops())
                .as("no answer says the server broke (a dependency down is 503; seed %d)", seed)
                .noneMatch(op -> op.status() == 500);
    }
}
