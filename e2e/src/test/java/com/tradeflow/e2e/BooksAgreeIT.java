package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the whole suite (purchases and cancellations in every mode, killed providers, coordinator outages, TCC
 * anomalies ...), the reconciliation job finds every order in agreement with the stock and wallet ledgers: no
 * finding left open once the last transactions have settled.
 */
@Order(200)
@ExtendWith(TestStack.class)
class BooksAgreeIT {

    /** Settle time of the test stacks' job (3 s), a few passes, and phase two of the last global transactions. */
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(90);

    @Test
    void shouldLeaveNoOpenReconciliationFindingAfterTheWholeSuite() {
        await().atMost(SETTLED_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode report = report();
            assertThat(report.path("open").asLong()).as("open findings: %s", report.path("findings")).isZero();
        });
    }

    private static JsonNode report() {
        Api.Reply reply = TestStack.api().adminGet("/api/admin/reconciliation?limit=50");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }
}
