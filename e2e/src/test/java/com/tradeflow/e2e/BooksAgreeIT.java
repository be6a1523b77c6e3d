package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After the whole suite (purchases and cancellations in every mode, killed providers, coordinator outages, TCC
 * anomalies ...), the reconciliation job finds every service's books in agreement: no finding left open once the
 * last transactions have settled. One exception is the suite's own doing and is resolved here as an operator would:
 * the points credited for the OrderPlaced events some tests sent straight to the broker, for orders that never
 * were ({@link Events#injected()}); each must have been found, for its user and order.
 */
@Order(200)
@ExtendWith(TestStack.class)
class BooksAgreeIT {

    /** Settle time of the test stacks' job (3 s), a few passes, and phase two of the last global transactions. */
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(90);

    @Test
    void shouldLeaveNoOpenReconciliationFindingAfterTheWholeSuite() {
        for (Events.Injected event : Events.injected()) {
            JsonNode finding = ReconciliationIT.awaitFinding(
                    "OPEN", "POINTS", Long.toString(event.userId()), "POINTS_UNKNOWN_ORDER");
            assertThat(finding.path("detail").asText()).contains(Long.toString(event.orderId()));
            Api.Reply resolved = TestStack.api()
                    .adminPost(
                            "/api/admin/reconciliation/findings/"
                                    + finding.path("id").asText() + "/resolve",
                            "{\"note\":\"points of an event the test suite " + "sent straight to the broker\"}");
            assertThat(resolved.status()).as("%s", resolved.body()).isIn(200, 409);
        }
        // at once: after the whole suite the books have usually settled already
        await().atMost(SETTLED_WITHIN)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    JsonNode report = report();
                    assertThat(report.path("open").asLong())
                            .as("open findings: %s", report.path("findings"))
                            .isZero();
                });
    }

    private static JsonNode report() {
        Api.Reply reply = TestStack.api().adminGet("/api/admin/reconciliation?limit=50");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }
}
